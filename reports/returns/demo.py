"""Demo quarterly returns: a year of returns, in every state, for Northshire, Riverside and (with
``--size large``) Greater Westmoor's sixty organisations.

Figures are those the indicators' demo already recorded for the quarter, so approving a return
changes no number, and returns of quarters the indicators seeder has locked are accepted (a
locked quarter takes a return whose figures equal the recorded ones). Quarters come from the
indicators app when it has made them; on a partnership with none, a
stop-gap makes the last five (see ``periods.quarters_ensure``). Narratives are drawn from the
action histories in ``indicators.demo_content`` (each note falls in the quarter it is dated in).
Everything goes through the services; only the timestamps are then moved back to the dates the
story needs (services stamp "now"), so the dashboard's timeliness has a history to show.
"""

from __future__ import annotations

import zlib
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from aspm.financial_calendar import calendar_of
from indicators import demo_content
from indicators.models import PeriodKind, PeriodStatus, ReportingPeriod, Unit
from partnerships.access import scoped

from ..models.returns import Return, ReturnStatus, ReturnTransition
from . import services
from .demo_words import quarter_words, year_end_words
from .figures import recorded_figures
from .services.periods import quarters_ensure

SLUGS = ("northshire", "riverside", "westmoor")

# Per organisation (in name order), the story of its last four closed quarters, oldest first, then
# the current one: a = approved on time, L = approved after a late submission, s = submitted,
# r = returned with comments, d = draft, n = not started.
STORIES = ("aaas d", "aLar n", "aaLs n", "aaad s", "aaas d", "Laar n", "aLad n", "aaaL n", "aaLs n", "aaar n")


def _notes_by_org(fy_start: date) -> dict[str, list[tuple[date, str, str, str]]]:
    notes: dict[str, list] = {}
    for action in demo_content.ACTIONS:
        org = action.get("owner_org")
        if not org:
            continue
        start = fy_start + timedelta(days=action["start_offset_days"])
        for offset, status, note in action["history"]:
            notes.setdefault(org, []).append((start + timedelta(days=offset), status, note, action["title"]))
    return notes


def _narrative(organisation, period: ReportingPeriod, notes) -> dict:
    mine = notes.get(organisation.name) or notes.get(organisation.name + " network") or []
    inside = [n for n in mine if period.start <= n[0] <= period.end]
    good = [n[2] for n in inside if n[1] in ("green", "complete")]
    bad = [n[2] for n in inside if n[1] in ("amber", "red")]
    later = sorted({n[3] for n in mine if n[0] > period.end})[:2]
    words = year_end_words(organisation.sector, organisation.name)
    if not mine:
        # An organisation with no action notes at all (all of Westmoor's) writes about its sector's work.
        quarter = quarter_words(organisation.sector, organisation.name)
        return {**quarter, "points_for_action": "None this quarter.", **words}
    return {
        "progress": " ".join(good) or "Routine work continued; no milestone of the action plan fell in this quarter.",
        "problems": " ".join(bad) or "Nothing is holding our actions back this quarter.",
        "priorities": "Next quarter: "
        + ("; ".join(t[0].lower() + t[1:] for t in later) + "." if later else "keep the current actions on track."),
        "points_for_action": (
            "We ask the partnership to help resolve the delays noted under Problems." if bad else "None this quarter."
        ),
        **words,
    }


def _fill_figures(return_: Return) -> dict:
    """The return's figures: those already recorded for the quarter (the indicators' demo data),
    so approving changes nothing and a locked quarter's return is accepted; made-up ones where
    nothing is recorded in an open quarter; blank with a comment in a locked one."""
    recorded = recorded_figures(return_)
    locked = return_.period.status == PeriodStatus.LOCKED
    figures = {}
    for figure in return_.figures.select_related("indicator"):
        known = recorded.get(figure.indicator_id)
        if known is not None:
            value = "" if known.value is None else f"{known.value.normalize():f}"
            numbers = {
                name: "" if number is None else f"{number.normalize():f}"
                for name, number in (("numerator", known.numerator), ("denominator", known.denominator))
            }
            if known.numerator is not None:
                value = ""  # worked out from the numerator and denominator, as the form does
            figures[figure.indicator_id] = {
                "value": value,
                **numbers,
                "breakdown": known.breakdown,
                "text_value": known.text_value,
                "comment": known.comment,
            }
            continue
        if locked:
            figures[figure.indicator_id] = {"value": "", "comment": "Not collected this quarter."}
            continue
        seed = zlib.crc32(f"{figure.indicator.code}-{return_.organisation_id}-{return_.period_id}".encode())
        unit = figure.indicator.unit
        if unit == Unit.TEXT:
            figures[figure.indicator_id] = {"text_value": "Described in the progress note."}
            continue
        if figure.indicator.rule == "ratio":
            out_of = 6 + seed % 40
            figures[figure.indicator_id] = {
                "numerator": str(out_of * (55 + seed % 40) // 100),
                "denominator": str(out_of),
                "comment": "",
            }
            continue
        value = {Unit.YES_NO: 1, Unit.SCORE: 2 + seed % 3}.get(unit, 3 + seed % 25)
        responses = {"denominator": str(5 + seed % 30)} if figure.indicator.rule == "mean" else {}
        figures[figure.indicator_id] = {"value": str(value), "comment": "", **responses}
    return figures


def _fill_actions(return_: Return, story: str) -> dict:
    """Updates on the organisation's actions, for returns still in progress (approved ones of past
    quarters would write today's date into the actions' histories)."""
    if story not in ("d", "s", "r"):
        return {}
    updates = {}
    for update in return_.action_updates.select_related("action")[:3]:
        action = update.action
        if action.status == "complete":
            continue
        note = {
            "red": "Still blocked; we have escalated it to our senior lead and will report back next quarter.",
            "amber": "Slipping by a few weeks while we wait for partners' availability; a new date is agreed.",
        }.get(action.status, "On schedule: this quarter's milestone was met.")
        updates[action.pk] = {"status": action.status, "note": note}
    return updates


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _backdate(return_: Return, moments: list[datetime]) -> None:
    """Move the return's transitions (in order) and its stamps to the story's dates."""
    transitions = list(ReturnTransition.objects.filter(return_obj=return_).order_by("at", "id"))
    for transition, moment in zip(transitions, moments, strict=False):
        ReturnTransition.objects.filter(pk=transition.pk).update(at=moment)
    first = moments[0] if moments else None
    stamps = {"started_at": (first or _at(return_.period.end)) - timedelta(days=5)}
    submits = [m for t, m in zip(transitions, moments, strict=False) if t.to_status == ReturnStatus.SUBMITTED]
    if submits:
        stamps.update(first_submitted_at=submits[0], submitted_at=submits[-1])
    if return_.status == ReturnStatus.APPROVED and moments:
        stamps["approved_at"] = moments[-1]
    Return.objects.filter(pk=return_.pk).update(**stamps)


def _play(return_: Return, story: str, coordinator, spoc, notes, today: date) -> None:
    services.return_prepare(return_=return_)  # in case the actions were seeded by hand, not through action_create
    if story == "n":
        return
    author = spoc or coordinator
    services.return_save_draft(
        actor=author,
        return_=return_,
        narrative=_narrative(return_.organisation, return_.period, notes),
        figures=_fill_figures(return_),
        actions=_fill_actions(return_, story),
    )
    due = return_.due_date
    if story == "d":
        Return.objects.filter(pk=return_.pk).update(started_at=_at(min(today, due) - timedelta(days=3)))
        return
    submit_day = min(due + timedelta(days=9) if story == "L" else due - timedelta(days=4), today)
    services.return_submit(actor=author, return_=return_)
    moments = [_at(submit_day)]
    if story == "r":
        services.return_send_back(
            actor=coordinator,
            return_=return_,
            reason="Please explain the drop in referrals under Problems, and attach the training attendance list.",
        )
        moments.append(_at(min(submit_day + timedelta(days=2), today), 15))
    if story in ("a", "L"):
        services.return_approve(actor=coordinator, return_=return_)
        moments.append(_at(min(submit_day + timedelta(days=6), today), 16))
    _backdate(return_, moments)


def seed(world) -> None:
    for slug in SLUGS:
        demo = world.partnerships.get(slug)
        if demo is not None:
            _seed_partnership(demo)


def _seed_partnership(demo) -> None:
    partnership = demo.partnership
    coordinator = demo.people["coordinator"]
    today = timezone.localdate()
    with transaction.atomic():
        quarters_ensure(actor=None, partnership=partnership, today=today)
        started = list(
            scoped(partnership, ReportingPeriod).filter(kind=PeriodKind.QUARTER, start__lte=today).order_by("start")
        )
        periods = started[-5:]
        notes = _notes_by_org(calendar_of(partnership).year_start(today))
        spocs = {m.organisation_id: m.user for m in _spoc_memberships(partnership)}
        for period in periods:
            services.returns_open_for_period(actor=coordinator, period=period)
        returns = {
            (r.organisation_id, r.period_id): r
            for r in scoped(partnership, Return).filter(period__in=started).select_related("organisation", "period")
        }
        organisations = sorted({r.organisation for r in returns.values()}, key=lambda o: o.name)
        for index, organisation in enumerate(organisations):
            # Returns of quarters before the story's five (opened when the indicators seeder opened those
            # quarters) were approved on time: left as drafts they would all count as late.
            story = "a" * (len(started) - len(periods)) + STORIES[index % len(STORIES)].replace(" ", "")
            for period, step in zip(reversed(started), reversed(story), strict=False):
                return_ = returns.get((organisation.pk, period.pk))
                untouched = return_ is not None and return_.started_at is None and return_.status == ReturnStatus.DRAFT
                if untouched:
                    _play(return_, step, coordinator, spocs.get(organisation.pk), notes, today)


def _spoc_memberships(partnership):
    from partnerships.models import Membership, Role

    return scoped(partnership, Membership).filter(role=Role.SPOC).select_related("user")
