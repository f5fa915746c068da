"""Vision, mission, theory of change, and the assumptions it rests on."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import Partnership

from ...models import Assumption, AssumptionReview, AssumptionStatus, Indicator, PlanStatement

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
