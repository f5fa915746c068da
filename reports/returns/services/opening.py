"""Opening returns and preparing their rows (a figure per indicator reported, an update per action
owned), under the return's row lock; never when a page is shown."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from indicators.models import Indicator, PeriodKind, ReportingPeriod
from partnerships import audit
from partnerships.access import scoped
from partnerships.models import Membership, Organisation, Role

from ...models.returns import EDITABLE_STATUSES, Return, ReturnFigure
from ..figures import reported_indicators
from . import action_updates, spend
from .deadlines import due_date_for
from .locks import lock_return as _lock


def organisations_due_a_return(partnership):
    """Active organisations with a partner SPOC or at least one indicator to report."""
    spoc_orgs = Membership.objects.filter(partnership=partnership, role=Role.SPOC).values("organisation_id")
    reporting = Indicator.objects.filter(partnership=partnership, is_active=True).values("reporting_organisations")
    return (
        scoped(partnership, Organisation)
        .filter(is_active=True)
        .filter(Q(pk__in=spoc_orgs) | Q(pk__in=reporting))
        .order_by("name")
    )


def returns_open_for_period(*, actor, period: ReportingPeriod, **_hook_kwargs) -> list[Return]:
    """Open a draft return for each organisation due one. Called by the ``period_opened`` hook, in
    the caller's transaction; safe to call again (adds only what is missing)."""
    if period.kind != PeriodKind.QUARTER:
        return []
    opened = []
    with transaction.atomic():
        due = due_date_for(period)
        existing = set(
            Return.objects.filter(period=period, agreement__isnull=True).values_list("organisation_id", flat=True)
        )
        for organisation in organisations_due_a_return(period.partnership):
            if organisation.pk in existing:
                continue
            return_ = audit.create(
                actor=actor,
                obj=Return(partnership=period.partnership, organisation=organisation, period=period, due_date=due),
                action="return.open",
            )
            opened.append(return_prepare(actor=actor, return_=return_))
    return opened


def _previous_figures(return_: Return) -> dict[int, ReturnFigure]:
    previous = (
        Return.objects.filter(
            organisation=return_.organisation,
            agreement=return_.agreement_id,
            period__kind=return_.period.kind,
            period__end__lt=return_.period.start,
        )
        .order_by("-period__start")
        .first()
    )
    if previous is None:
        return {}
    return {f.indicator_id: f for f in previous.figures.all()}


def return_prepare(*, return_: Return, actor=None) -> Return:
    """Stage the rows the organisation fills in (a figure for each indicator it reports, an update
    for each action it owns), under the return's row lock: two at once give one set of rows, the
    second finding the first's. Called when a return opens, reopens or goes back to the
    organisation, before it is saved or submitted, and when what organisations report changes
    (hook ``reporting_changed``); never when the page is shown. Safe to call again."""
    with transaction.atomic():
        locked = _lock(return_)
        figures_sync(actor=actor, return_=locked)
    return locked


def returns_prepare_for(*, partnership, organisations=None, actor=None, **_hook_kwargs) -> int:
    """Prepare the partnership's returns still with their organisations (``organisations``: only
    theirs). Locks are taken in id order, so two of these at once cannot deadlock. Returns how many."""
    returns = Return.objects.filter(partnership=partnership, status__in=EDITABLE_STATUSES)
    if organisations is not None:
        returns = returns.filter(organisation__in=[getattr(o, "pk", o) for o in organisations])
    count = 0
    with transaction.atomic():
        for return_ in returns.order_by("pk"):
            return_prepare(actor=actor, return_=return_)
            count += 1
    return count


def figures_sync(*, actor, return_: Return) -> None:
    """Stage a figure for each indicator the organisation reports now, with last quarter's value
    for reference; drop blank ones for indicators it no longer reports; the same for the actions it
    owns. Only while editable, on the caller's locked return; one audit event when rows came or went."""
    if return_.status not in EDITABLE_STATUSES:
        return
    reported = reported_indicators(return_.organisation)
    if return_.agreement_id:  # a monitoring report: the agreement's KPIs the provider reports
        reported = reported.filter(funding_agreements=return_.agreement_id)
    wanted = {i.pk: i for i in reported}
    have = {f.indicator_id: f for f in return_.figures.select_related("indicator")}
    previous = _previous_figures(return_) if set(wanted) - set(have) else {}
    new = [
        ReturnFigure(
            partnership=return_.partnership,
            return_obj=return_,
            indicator=indicator,
            previous_value=previous[pk].value if pk in previous else None,
            previous_text=previous[pk].text_value if pk in previous else "",
        )
        for pk, indicator in wanted.items()
        if pk not in have
    ]
    ReturnFigure.objects.bulk_create(new)
    stale = [f for pk, f in have.items() if pk not in wanted and not f.is_filled and not f.comment]
    if stale:
        ReturnFigure.objects.filter(pk__in=[f.pk for f in stale]).delete()
    if return_.agreement_id:  # actions are updated in the quarterly return, money only here
        changes = spend.spend_sync(return_=return_)
    else:
        changes = action_updates.action_updates_sync(return_=return_)
    if new:
        changes["figures added"] = [None, sorted(f.indicator.code for f in new)]
    if stale:
        changes["figures dropped"] = [sorted(f.indicator.code for f in stale), None]
    if changes:
        audit.record(
            actor=actor, partnership=return_.partnership, action="return.prepare", obj=return_, changes=changes
        )


