"""Funding agreements and their budget lines. Keyword-only, validated, atomic, audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from aspm.financial_calendar import calendar_of, year_label
from aspm.uploads import validate_upload
from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import Partnership
from reports.models import ReportJob

from ...models import BudgetLine, FundingAgreement

AGREEMENT_FIELDS = (
    "title",
    "funder_organisation",
    "funder_name",
    "purpose",
    "start_date",
    "end_date",
    "total_value",
    "schedule",
    "tolerance_percent",
    "document_link",
)
BUDGET_LINE_FIELDS = ("year_start", "category", "description", "amount")
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024


def _validate(partnership: Partnership, values: dict, providers, objectives, indicators) -> None:
    funder = values.get("funder_organisation")
    check_same_partnership(partnership, [funder, *providers, *(objectives or []), *(indicators or [])])
    errors: dict[str, str] = {}
    name = (values.get("funder_name") or "").strip()
    if funder and name:
        errors["funder_name"] = (
            "Give the funder once: choose a partner organisation or type an outside funder's name, not both."
        )
    elif not funder and not name:
        errors["funder_organisation"] = (
            "Choose the partner organisation that funds this, or type the outside funder's name."
        )
    if not providers:
        errors["providers"] = "Choose at least one organisation that provides the service."
    elif funder and funder in providers:
        errors["providers"] = f"{funder} funds this agreement, so it cannot also be its provider."
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        errors["end_date"] = "The end must be on or after the start."
    if errors:
        raise ValidationError(errors)


def _document(document) -> None:
    if document is not None:
        try:
            validate_upload(document, max_bytes=DOCUMENT_MAX_BYTES)
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from error


def _check_fields(values: dict, allowed: tuple[str, ...], what: str) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValueError(f"Not a {what} field: {sorted(unknown)}")


def _set_links(actor, agreement: FundingAgreement, **links) -> None:
    """Set the agreement's many-to-many links that were given, auditing those that changed."""
    for field, objects in links.items():
        if objects is None:
            continue
        manager = getattr(agreement, field)
        before = sorted(manager.values_list("pk", flat=True))
        after = sorted(o.pk for o in objects)
        if before != after:
            manager.set(objects)
            audit.record(
                actor=actor,
                partnership=agreement.partnership,
                action=f"fundingagreement.link_{field}",
                obj=agreement,
                changes={field: [before, after]},
            )


@transaction.atomic
def agreement_create(
    *, actor, partnership: Partnership, providers, objectives=(), indicators=(), document=None, **values
) -> FundingAgreement:
    _check_fields(values, AGREEMENT_FIELDS, "funding agreement")
    values["funder_name"] = (values.get("funder_name") or "").strip()
    _validate(partnership, values, list(providers), objectives, indicators)
    _document(document)
    agreement = FundingAgreement(partnership=partnership, **values)
    if document is not None:
        agreement.document = document
    agreement = audit.create(actor=actor, obj=agreement)
    agreement.providers.set(providers)
    if objectives:
        agreement.objectives.set(objectives)
    if indicators:
        agreement.indicators.set(indicators)
    return agreement


@transaction.atomic
def agreement_update(
    *,
    actor,
    agreement: FundingAgreement,
    providers=None,
    objectives=None,
    indicators=None,
    document=None,
    **values,
) -> FundingAgreement:
    _check_fields(values, AGREEMENT_FIELDS, "funding agreement")
    if "funder_name" in values:
        values["funder_name"] = (values["funder_name"] or "").strip()
    merged = {f: getattr(agreement, f) for f in AGREEMENT_FIELDS} | values
    current_providers = list(providers) if providers is not None else list(agreement.providers.all())
    _validate(agreement.partnership, merged, current_providers, objectives, indicators)
    _document(document)
    outside = [
        line for line in agreement.budget_lines.all() if not _within(agreement.partnership, merged, line.year_start)
    ]
    if outside:
        labels = ", ".join(sorted({year_label(line.year_start) for line in outside}))
        raise ValidationError(
            {"end_date": f"The budget has lines for {labels}, outside these dates. Change or remove those lines first."}
        )
    old = agreement.document.name if agreement.document else ""
    if document is not None:
        agreement.document.save(document.name, document, save=False)
        values["document"] = agreement.document
    audit.update(actor=actor, obj=agreement, values=values)
    if old and document is not None:
        storage = agreement.document.storage
        transaction.on_commit(lambda: storage.delete(old))
    _set_links(actor, agreement, providers=providers, objectives=objectives, indicators=indicators)
    return agreement


def agreement_delete(*, actor, agreement: FundingAgreement) -> None:
    """Remove an agreement entered by mistake, with its budget; its outcomes and KPIs stay in the plan.
    An agreement reported on to its funder is kept: its archived reports name it."""
    with transaction.atomic():
        if ReportJob.objects.filter(agreement=agreement).exists():
            raise ValidationError(
                "Reports for the funder were made on this agreement and are kept in the archive, so it cannot be "
                "removed. Change its details instead."
            )
        for line in agreement.budget_lines.all():
            audit.delete(actor=actor, obj=line)
        document = agreement.document.name if agreement.document else ""
        audit.delete(actor=actor, obj=agreement)
        if document:
            storage = FundingAgreement._meta.get_field("document").storage
            transaction.on_commit(lambda: storage.delete(document))


def agreement_years(agreement: FundingAgreement) -> list:
    """The first days of the partnership's financial years the agreement runs in."""
    cal = calendar_of(agreement.partnership)
    first, last = cal.year_start(agreement.start_date), cal.year_start(agreement.end_date)
    return [cal.year_starting(year) for year in range(first.year, last.year + 1)]


def _within(partnership: Partnership, values: dict, year_start) -> bool:
    cal = calendar_of(partnership)
    start, end = values.get("start_date"), values.get("end_date")
    if not (start and end):
        return True
    return cal.year_start(start) <= year_start <= cal.year_start(end)


def _validate_line(agreement: FundingAgreement, values: dict) -> None:
    year = values.get("year_start")
    cal = calendar_of(agreement.partnership)
    if year is not None and (year != cal.year_start(year) or not _within(agreement.partnership, vars(agreement), year)):
        choices = ", ".join(year_label(y) for y in agreement_years(agreement))
        raise ValidationError({"year_start": f"Choose one of the agreement's financial years: {choices}."})


@transaction.atomic
def budget_line_create(*, actor, agreement: FundingAgreement, **values) -> BudgetLine:
    _check_fields(values, BUDGET_LINE_FIELDS, "budget line")
    values["description"] = (values.get("description") or "").strip()
    _validate_line(agreement, values)
    return audit.create(actor=actor, obj=BudgetLine(partnership=agreement.partnership, agreement=agreement, **values))


@transaction.atomic
def budget_line_update(*, actor, line: BudgetLine, **values) -> BudgetLine:
    _check_fields(values, BUDGET_LINE_FIELDS, "budget line")
    if "description" in values:
        values["description"] = (values["description"] or "").strip()
    _validate_line(line.agreement, {f: getattr(line, f) for f in BUDGET_LINE_FIELDS} | values)
    return audit.update(actor=actor, obj=line, values=values)


def budget_line_delete(*, actor, line: BudgetLine) -> None:
    audit.delete(actor=actor, obj=line)
