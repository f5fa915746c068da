"""A quarterly return's figures from a spreadsheet, on the one import pipeline (aspm.imports).

The kind is made per return (:func:`return_kind`): its fields are the return's template's columns
(:mod:`.spreadsheet`), so a template filled in is mapped without asking, and a partner's own layout is
mapped on the page. Each row names one of the return's own indicators (by code, or by its name when
that is unique in the return); its figure is checked with the section pages' rules
(``figures.check_staged``) and, when every row is valid, all are written into the draft at once
through ``services.return_save_draft``, which checks them again under the return's lock.
"""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.urls import reverse

from aspm.errors import in_words
from aspm.imports import values
from aspm.imports.flow import ImportKind, Outcome, PreviewRow
from aspm.imports.mapping import Field, MappedRow
from aspm.imports.registry import Registered
from indicators.models import Unit
from indicators.models.figures import DIMENSIONS

from ..models.returns import Return
from . import services
from .figures import check_staged
from .spreadsheet import breakdown_columns

SPLITS = "Splits of the figure (breakdowns)"
FIGURE_FIELDS = ("value", "numerator", "denominator", "text_value")


def fields(return_: Return) -> list[Field]:
    """The template's columns as fields (the reference columns indicator, unit and last_quarter are not read)."""
    made = [
        Field("indicator_code", "Indicator (its code or name)", True,
              ("indicator code", "code", "indicator", "measure", "measure code", "ref", "reference"),
              help="One of the indicators in this return, by its code (such as IND-1) or its name."),
        Field("value", "Value", aliases=("value", "figure", "count", "number", "total", "result", "this quarter"),
              help="The figure, as on the return's page: 12, 3,250, 80%, yes or no."),
        Field("numerator", "Numerator", aliases=("numerator",), help="For a proportion or a score only."),
        Field("denominator", "Denominator", aliases=("denominator", "responses", "out of"),
              help="For a proportion or a score only."),
        Field("text_value", "Answer in words", aliases=("text value", "text", "answer", "response"),
              help="For an indicator answered in words."),
        Field("comment", "Comment", aliases=("comment", "comments", "note", "notes"),
              help="Why a figure is blank or unusual. With no column, the draft's comments stay as they are."),
    ]  # fmt: skip
    figures = return_.figures.select_related("indicator")
    made += [
        Field(column, f"{label}: {category}", section=SPLITS,
              help="Optional: each split given must add up to the figure.")
        for column, label, category in breakdown_columns(figures)
    ]  # fmt: skip
    return made


def _text(value) -> str:
    """A cell as the return's form would send it; the template's guard against formulas ("'-3") undone."""
    text = values.text(value)
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]
    return text


def _indicator_finder(return_: Return):
    staged = list(return_.figures.select_related("indicator"))
    by_code = {f.indicator.code.upper(): f for f in staged}
    names = Counter(f.indicator.name.strip().lower() for f in staged)
    by_name = {f.indicator.name.strip().lower(): f for f in staged if names[f.indicator.name.strip().lower()] == 1}
    return lambda given: by_code.get(given.upper()) or by_name.get(given.lower())


def _figure(figure, data: dict) -> dict:
    """What the return's form would send for this figure; a comment with no column keeps the draft's."""
    indicator = figure.indicator
    breakdown = {
        dim: {cat: data.get(f"{dim}.{cat}", "") for cat in categories}
        for dim, categories in _dimensions(indicator).items()
    }
    text = indicator.unit == Unit.TEXT
    return {
        "value": "" if text else data.get("value", ""),
        "numerator": data.get("numerator", ""),
        "denominator": data.get("denominator", ""),
        # a partner's one column of figures may hold the answer in words of a text indicator
        "text_value": (data.get("text_value") or data.get("value", "")) if text else "",
        "comment": data.get("comment", figure.comment),
        "breakdown": breakdown,
    }


def _dimensions(indicator) -> dict:
    return {dim: DIMENSIONS[dim][1] for dim in indicator.disaggregation or [] if dim in DIMENSIONS}


def _verb(sent: dict, figure) -> str:
    if sent["value"] or sent["text_value"]:
        shown = sent["value"] or f"“{sent['text_value'][:40]}”"
        return f"Put {shown} in the draft"
    if figure.value is not None or figure.text_value:
        return "Clear the figure already in the draft"  # a blank cell empties it: say so before it happens
    return "Leave the figure blank"


def check(return_: Return, rows: list[MappedRow]) -> tuple[Outcome, dict]:
    """Every row checked, and the figures as ``return_save_draft`` takes them (by indicator id)."""
    outcome = Outcome()
    if not return_.is_editable:
        outcome.file_errors.append(
            f"This return is {return_.get_status_display().lower()}, so its figures cannot be changed."
        )
    if rows and not any(name in rows[0].data for name in FIGURE_FIELDS):
        outcome.file_errors.append("Say which column holds the figures (Value) or the answers in words.")
    find = _indicator_finder(return_)
    figures, row_of = {}, {}
    for row in rows:
        data = {name: _text(value) for name, value in row.data.items()}
        given = data.get("indicator_code", "")
        figure = find(given) if given else None
        item = PreviewRow(where=row.where, label=given)
        outcome.rows.append(item)
        if figure is None:
            item.errors.append(
                f"“{given}” is not one of the indicators in this return: take the row out, or ask the "
                "coordinator to add your organisation as a reporter of it."
                if given
                else "Indicator: give the indicator's code."
            )
            continue
        item.label = f"{figure.indicator.code} · {figure.indicator.name}"
        if figure.indicator_id in figures:
            item.errors.append(f"{figure.indicator.code} is also on {row_of[figure.indicator_id].where.lower()}: "
                               "keep one row per indicator.")  # fmt: skip
            continue
        figures[figure.indicator_id] = _figure(figure, data)
        row_of[figure.indicator_id] = item
        item.verb = _verb(figures[figure.indicator_id], figure)
    _, errors = check_staged(return_, figures)
    for key, messages in errors.items():
        row_of[int(key.removeprefix("figure-"))].errors.extend(messages)
    return outcome, figures


def _runner(return_: Return):
    def run(*, actor, partnership, rows, dry_run) -> Outcome:
        outcome, figures = check(return_, rows)
        if dry_run or outcome.file_errors or outcome.bad_rows:
            return outcome
        try:
            services.return_save_draft(actor=actor, return_=return_, figures=figures)
        except ValidationError as error:  # changed since the check (submitted, an indicator dropped): nothing written
            outcome.file_errors.append("Nothing was written: " + in_words(error))
            return outcome
        outcome.written = True
        return outcome

    return run


def _context(return_: Return):
    def context(partnership) -> dict:
        template = reverse("reports:return_spreadsheet_template", kwargs={"slug": partnership.slug, "pk": return_.pk})
        return {
            "return": return_,
            "links": [
                ("This return's template (.xlsx)", f"{template}?format=xlsx"),
                ("This return's template (.csv)", f"{template}?format=csv"),
            ],
            "intro": "The narrative and action updates are written on the return's page.",
        }

    return context


def return_kind(return_: Return) -> ImportKind:
    """The import of one return's figures (the page's URL carries the return)."""
    return ImportKind(
        key="return",
        noun="the return's figures",
        fields=fields(return_),
        run=_runner(return_),
        done_url=lambda partnership: reverse(
            "reports:return_detail", kwargs={"slug": partnership.slug, "pk": return_.pk}
        ),
        template="reports/returns/spreadsheet.html",
        extra_context=_context(return_),
        scope=str(return_.pk),
        done_note="They are in your draft: check them, then submit the return from “Check your answers”.",
    )


REGISTERED = Registered("return", "reports:return_spreadsheet", return_kind, subject="reports.Return")
