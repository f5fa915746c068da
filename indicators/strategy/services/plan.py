"""Vision, mission, theory of change, and the assumptions it rests on."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aspm.financial_calendar import calendar_of
from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import Partnership

from ...models import Assumption, AssumptionReview, AssumptionStatus, Indicator, Milestone, PlanStatement
from ..period import LONGEST, SHORTEST, period_from

PLAN_FIELDS = ("vision", "mission", "theory_of_change")
ASSUMPTION_FIELDS = ("statement", "indicator", "evidence_link", "order")


@transaction.atomic
def plan_statement_update(*, actor, partnership: Partnership, **values) -> PlanStatement:
    unknown = set(values) - set(PLAN_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    statement = PlanStatement.objects.select_for_update().filter(partnership=partnership).order_by("pk").first()
    if statement is None:
        return audit.create(actor=actor, obj=PlanStatement(partnership=partnership, **values))
    return audit.update(actor=actor, obj=statement, values=values)


@transaction.atomic
def strategy_period_set(*, actor, partnership: Partnership, start_year: int, end_year: int) -> PlanStatement:
    """Set the plan's strategy period: three to five whole financial years inside the years that can
    hold figures, which must still hold every milestone already set."""
    cal, today = calendar_of(partnership), timezone.localdate()
    cal.check_year(start_year, today, field="strategy_start_year")
    cal.check_year(end_year, today, field="strategy_end_year")
    length = end_year - start_year + 1
    if not SHORTEST <= length <= LONGEST:
        raise ValidationError(
            {
                "strategy_end_year": f"A strategy period runs for {SHORTEST} to {LONGEST} financial years; "
                f"this one would run for {length}."
            }
        )
    period = period_from(partnership, start_year, end_year)
    outside = (
        Milestone.objects.filter(partnership=partnership)
        .exclude(due_on__range=(period.start, period.end))
        .select_related("indicator")
        .order_by("due_on")
        .first()
    )
    if outside is not None:
        raise ValidationError(
            {
                "strategy_start_year": f"The milestone of {outside.indicator.code} due by "
                f"{outside.due_on:%-d %B %Y} would fall outside {period.label}: move or remove it first."
            }
        )
    values = {"strategy_start_year": start_year, "strategy_end_year": end_year}
    statement = PlanStatement.objects.select_for_update().filter(partnership=partnership).order_by("pk").first()
    if statement is None:
        return audit.create(
            actor=actor, obj=PlanStatement(partnership=partnership, **values), action="planstatement.strategy_period"
        )
    return audit.update(actor=actor, obj=statement, values=values, action="planstatement.strategy_period")


def _check_links(partnership: Partnership, indicator: Indicator | None) -> None:
    check_same_partnership(partnership, [indicator])


@transaction.atomic
def assumption_create(
    *,
    actor,
    partnership: Partnership,
    statement: str,
    indicator: Indicator | None = None,
    evidence_link: str = "",
    status: str = AssumptionStatus.UNTESTED,
    note: str = "",
    on: dt.date | None = None,
) -> Assumption:
    _check_links(partnership, indicator)
    if not statement.strip():
        raise ValidationError({"statement": "Write the assumption as a statement that evidence could test."})
    order = Assumption.objects.filter(partnership=partnership).count() + 1
    assumption = audit.create(
        actor=actor,
        obj=Assumption(
            partnership=partnership,
            statement=statement.strip(),
            indicator=indicator,
            evidence_link=evidence_link,
            order=order,
        ),
    )
    if status != AssumptionStatus.UNTESTED or note:
        assumption_review(actor=actor, assumption=assumption, status=status, note=note, on=on)
    return assumption


@transaction.atomic
def assumption_update(*, actor, assumption: Assumption, **values) -> Assumption:
    unknown = set(values) - set(ASSUMPTION_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    _check_links(assumption.partnership, values.get("indicator"))
    return audit.update(actor=actor, obj=assumption, values=values)


@transaction.atomic
def assumption_review(
    *, actor, assumption: Assumption, status: str, note: str = "", on: dt.date | None = None
) -> AssumptionReview:
    """Record a dated verdict; the assumption shows the latest one."""
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError({"on": "The date of a review cannot be in the future."})
    if status not in AssumptionStatus.values:
        raise ValidationError({"status": "Choose untested, holding, doubtful or disproved."})
    if status != AssumptionStatus.UNTESTED and not note.strip():
        raise ValidationError({"note": "Say what evidence the verdict rests on."})
    review = audit.create(
        actor=actor,
        obj=AssumptionReview(
            partnership=assumption.partnership,
            assumption=assumption,
            status=status,
            note=note.strip(),
            reviewed_on=on,
            reviewed_by=actor if getattr(actor, "is_authenticated", False) else None,
        ),
    )
    latest = assumption.reviews.order_by("-reviewed_on", "-id").first()
    if latest.pk == review.pk:
        audit.update(
            actor=actor,
            obj=assumption,
            values={"status": status, "status_note": review.note, "status_date": on},
        )
    return review


def assumption_delete(*, actor, assumption: Assumption) -> None:
    audit.delete(actor=actor, obj=assumption)
