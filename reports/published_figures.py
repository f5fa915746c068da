"""The figures spreadsheet for publication: the partnership's figures per indicator and period, with
small counts of people protected by the partnership's disclosure policy.

What leaves the partnership differs from the internal export (``indicators.measurement.exports``,
one exact row per organisation and period) in three ways:

* **Partnership figures only.** One row per indicator and period (each quarter, then the year), and
  for a count split by sex, age group or type of exploitation, one row per group of the year's
  split (and what was not split). Rows per organisation would give a small partner's own counts away.
* **The same protection as the annual report's publication version.** The figures are those of the
  report's results section, gathered by the section itself
  (:data:`reports.annual.sections.results.INDICATORS`) with ``for_publication=True``: the same rule
  for which figures are counts of people (the actual figures of count indicators; targets,
  percentages, scores and money stay as they are), and the same systems of relations for the interval
  audit (an indicator's quarters add up to its year, each breakdown's groups and "not split" add up
  to the year). So a reader who has both the report and this file sees one pattern of hidden figures,
  not two that could be combined.
* **What it prints is recorded** (:func:`published_dataset_record`) in the disclosure ledger, as the
  reports' versions for publication are: a report or spreadsheet made later in the year respects it.
* **The policy is printed.** The first row says what the file is and the policy's summary sentence;
  every hidden figure's note says why it is hidden; the file name ends in ``-published``.
"""

from __future__ import annotations

import re

import tablib
from django.utils import timezone

from aspm.disclosure.policy import NHS_MARK, SECONDARY_MARK, Policy
from aspm.spreadsheets import neutralise_row

HEADERS = ["indicator_code", "indicator", "unit", "period", "group", "value", "note"]
SMALL_NOTE = "small count: hidden"
SECONDARY_NOTE = "withheld so that a hidden count cannot be worked out"
NUMBER = re.compile(r"^\d{1,3}(,\d{3})*$")


def published_years(partnership, today):
    """The financial years with a year period that has begun, oldest first."""
    from indicators.models import PeriodKind, ReportingPeriod
    from partnerships.access import scoped
    from reports.annual.years import year_containing

    starts = (
        scoped(partnership, ReportingPeriod)
        .filter(kind=PeriodKind.YEAR, start__lte=today)
        .order_by("start")
        .values_list("start", flat=True)
    )
    return [year_containing(partnership, start) for start in starts]


def year_results(partnership, year, *, as_of=None, policy: Policy | None = None) -> tuple[dict, Policy]:
    """The publication report's results data for one financial year, and the policy it applied
    (``policy``, when the caller has read it already, else the partnership's)."""
    from reports.annual.sections.base import ReportContext
    from reports.annual.sections.results import INDICATORS

    ctx = ReportContext(
        partnership=partnership, year=year, as_of=as_of or timezone.now(), for_publication=True, policy=policy
    )
    return INDICATORS.gather(ctx), ctx.disclosure


def published_dataset(partnership, *, as_of=None) -> tablib.Dataset:
    """Every year's partnership figures, protected, as a sheet (see the module's docstring)."""
    from partnerships.selectors import disclosure_policy

    as_of = as_of or timezone.now()
    policy = disclosure_policy(partnership)
    dataset = tablib.Dataset(headers=HEADERS, title="Published figures")
    dataset.append(
        neutralise_row(
            [
                "",
                f"{partnership.name}: figures for publication, as at {timezone.localtime(as_of):%-d %B %Y}. "
                "Partnership totals only (no figures of single organisations). Counts of people follow the "
                "small-count rule; targets, percentages, scores and money are shown as they are.",
                "",
                "",
                "",
                "",
                policy.summary,
            ]
        )
    )
    for year in published_years(partnership, as_of.date()):
        data, _policy = year_results(partnership, year, as_of=as_of, policy=policy)  # the policy read once
        for _strand, items in data.get("groups", []):
            for item in items:
                for row in _rows(item, year):
                    dataset.append(neutralise_row(row))
    return dataset


def published_dataset_record(*, actor, partnership, as_of=None) -> tablib.Dataset:
    """The sheet for publication, and what it prints recorded in the disclosure ledger
    (:mod:`reports.disclosure_ledger`): a later publication of the same year respects it."""
    from django.db import transaction

    from reports import disclosure_ledger
    from reports.services import ledger

    with transaction.atomic(), disclosure_ledger.collecting() as printed:
        dataset = published_dataset(partnership, as_of=as_of)
        ledger.ledger_record(
            partnership=partnership,
            printed=list(printed),
            output="the figures spreadsheet for publication",
            actor=actor,
        )
    return dataset


def _rows(item: dict, year) -> list[list]:
    from reports.annual.sections.results import NOT_OPEN

    indicator = item["indicator"]
    head = [indicator.code, indicator.name, indicator.get_unit_display()]
    rows = []
    for label, actual, _target in item["by_quarter"]:
        if actual == NOT_OPEN:
            continue
        rows.append([*head, f"{year.label} {label}", "", *_value(actual)])
    rows.append([*head, year.label, "", *_value(item["year_actual"])])
    from indicators.models.figures import DIMENSIONS

    for dim, (groups, rest, total) in item["split_cells"].items():
        name, names = DIMENSIONS.get(dim, (dim.replace("_", " ").capitalize(), {}))
        for category, cell in groups.items():
            rows.append([*head, year.label, f"{name}: {names.get(category, category)}", *_value(cell.text)])
        if rest.value:
            rows.append([*head, year.label, f"{name}: not split", *_value(rest.text)])
        if total.value != item["year_count"]:  # a split total that is not the year's (else it is the year row)
            rows.append([*head, year.label, f"{name}: total of the split", *_value(total.text)])
    return rows


def _value(text: str) -> list:
    """The value (a number where it is one) and its note."""
    if text == SECONDARY_MARK:
        return [text, SECONDARY_NOTE]
    if text == NHS_MARK or text.startswith("<"):
        return [text, SMALL_NOTE]
    if NUMBER.match(text or ""):
        return [int(text.replace(",", "")), ""]
    return [text, ""]
