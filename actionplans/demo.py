"""Demo action plans: Northshire's ~60 actions with a year of history, a few for Riverside, and
(with ``--size large``) 5,000 actions with 50,000 status changes for Greater Westmoor.

Northshire and Riverside go through the services, dated as the demo content says (relative to the
start of the current financial year; lines dated in the future are skipped). Westmoor's benchmark
data is inserted in bulk — each row is validated in memory first (statuses, dates, links of this
partnership) — because 50,000 audited one-by-one writes would take minutes and tell nothing more.
Running the seeder twice changes nothing: actions are found by title (Westmoor: by count).
"""

from __future__ import annotations

import datetime as dt
import random

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from indicators import demo_content
from indicators.models import Objective, Strand
from partnerships import audit
from partnerships.access import scoped
from partnerships.models import Membership, Organisation, Role, SubGroup

from . import clock, services
from .models import Action, ActionStatusChange, RagStatus
from .selectors import financial_year_start


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _find_organisation(organisations: list[Organisation], name: str) -> Organisation | None:
    lowered = name.lower()
    for o in organisations:
        if o.name.lower() == lowered:
            return o
    for o in organisations:  # "... Against Slavery network" in the content, "... Against Slavery" in the seeder
        if lowered.startswith(o.name.lower()) or o.name.lower().startswith(lowered):
            return o
    return None


def seed(world) -> None:
    if "northshire" in world.partnerships:
        with transaction.atomic():
            _seed_northshire(world.partnerships["northshire"])
    if "riverside" in world.partnerships:
        with transaction.atomic():
            _seed_riverside(world.partnerships["riverside"])
    if world.size == "large" and "westmoor" in world.partnerships:
        with transaction.atomic():
            seed_large(world.partnerships["westmoor"].partnership, actions=5000, changes=50000)


def _seed_northshire(demo) -> None:
    partnership = demo.partnership
    existing = set(scoped(partnership, Action).values_list("title", flat=True))
    organisations = list(scoped(partnership, Organisation))
    objectives = {o.code: o for o in scoped(partnership, Objective).select_related("strand")}
    subgroups = {s.name: s for s in scoped(partnership, SubGroup)}
    spocs = {
        m.organisation_id: m for m in scoped(partnership, Membership).filter(role=Role.SPOC).select_related("user")
    }
    coordinator = demo.people.get("coordinator")
    now = clock.now()
    fy_start = financial_year_start(partnership, now.date())
    for item in demo_content.ACTIONS:
        if item["title"] in existing:
            continue
        organisation = _find_organisation(organisations, item["owner_org"]) or organisations[0]
        spoc = spocs.get(organisation.pk)
        start = fy_start + dt.timedelta(days=item["start_offset_days"])
        history = [(_at(start + dt.timedelta(days=d)), s, n) for d, s, n in item["history"]]
        past = [h for h in history if h[1] and h[0] <= now]
        first_at, first_status, first_note = past[0] if past else (now, RagStatus.GREEN, "Planned; not started yet.")
        action = services.action_create(
            actor=coordinator,
            partnership=partnership,
            title=item["title"],
            objective=objectives.get(item["objective"]),
            subgroup=subgroups.get(item["subgroup"]),
            owner_organisation=organisation,
            owner_person=spoc,
            start_date=start,
            due_date=start + dt.timedelta(days=item["duration_days"]),
            output=item["output"],
            priority=item["priority"],
            status=first_status,
            note=first_note,
            at=first_at,
        )
        for at, status, note in past[1:]:
            services.action_set_status(
                actor=spoc.user if spoc else coordinator, action=action, status=status, note=note, at=at
            )


RIVERSIDE_ACTIONS = (
    # title, owner organisation (index), start offset, duration, history [(days, status, note)]
    ("Train licensing officers to spot exploitation in nail bars and car washes", 1, -20, 200,
     ((0, "green", "Course booked for two cohorts."), (90, "amber", "Second cohort short of places."))),
    ("Publish a one-page referral route for frontline staff across the city", 2, 10, 90,
     ((0, "green", "Draft shared with safeguarding leads."), (80, "complete", "On every partner's intranet."))),
    ("Set up a monthly multi-agency case review of potential victims", 0, 0, 365,
     ((0, "green", "Terms agreed; first meeting in May."), (120, "green", "Four reviews held."))),
    ("Recruit two survivor advisers to the network's board", 3, 30, 120,
     ((0, "green", "Role description agreed."), (100, "red", "No applicants yet; advert to be rerun."))),
    ("Ask city employers to sign the transparency-in-supply-chains pledge", 4, 45, 150,
     ((0, "green", "Pledge wording agreed with the Chamber."),)),
)  # fmt: skip


def _seed_riverside(demo) -> None:
    partnership = demo.partnership
    existing = set(scoped(partnership, Action).values_list("title", flat=True))
    organisations = list(scoped(partnership, Organisation).order_by("id"))
    coordinator = demo.people.get("coordinator")
    now = clock.now()
    fy_start = financial_year_start(partnership, now.date())
    for title, org_index, offset, duration, history in RIVERSIDE_ACTIONS:
        if title in existing:
            continue
        start = fy_start + dt.timedelta(days=offset)
        past = [(_at(start + dt.timedelta(days=d)), s, n) for d, s, n in history]
        past = [h for h in past if h[0] <= now] or [(now, RagStatus.GREEN, "Planned; not started yet.")]
        action = services.action_create(
            actor=coordinator,
            partnership=partnership,
            title=title,
            owner_organisation=organisations[org_index % len(organisations)],
            start_date=start,
            due_date=start + dt.timedelta(days=duration),
            status=past[0][1],
            note=past[0][2],
            at=past[0][0],
        )
        for at, status, note in past[1:]:
            services.action_set_status(actor=coordinator, action=action, status=status, note=note, at=at)


# --- the county-sized benchmark data ----------------------------------------------------------------

VERBS = ("Deliver", "Review", "Agree", "Publish", "Train", "Audit", "Map", "Launch", "Evaluate", "Refresh")
THINGS = (
    "awareness sessions for licensing staff",
    "the referral pathway for adults at risk",
    "joint visits to high-risk workplaces",
    "the information-sharing agreement",
    "supply-chain checks in council contracts",
    "the victim care directory",
    "training for housing officers",
    "the Duty to Notify process",
    "outreach at agricultural sites",
    "the survivor feedback survey",
)
STATUS_WEIGHTS = (("green", 50), ("amber", 25), ("red", 10), ("complete", 15))


def _validate_bulk(action: Action, changes: list[ActionStatusChange], organisation_ids: set[int]) -> None:
    """The checks the services make, without a query per row."""
    action.clean_fields(
        exclude=["partnership", "objective", "strand", "subgroup", "owner_organisation", "owner_person", "indicator"]
    )
    if action.owner_organisation_id not in organisation_ids:
        raise ValidationError("Owner organisation outside the partnership.")
    if action.start_date and action.due_date < action.start_date:
        raise ValidationError("Due before start.")
    for change in changes:
        if change.status not in RagStatus.values:
            raise ValidationError(f"Unknown status {change.status}.")
        if change.status == RagStatus.RED and not change.note:
            raise ValidationError("A change to Red needs a note.")


def seed_large(partnership, *, actions: int, changes: int, seed: int = 2026) -> int:
    """Add ``actions`` actions with ``changes`` status lines in total (bulk). Returns how many were added."""
    have = scoped(partnership, Action).count()
    if have >= actions:
        return 0
    rng = random.Random(seed + have)
    organisations = list(scoped(partnership, Organisation).order_by("id"))
    organisation_ids = {o.pk for o in organisations}
    objectives = list(scoped(partnership, Objective).select_related("strand"))
    strands = list(scoped(partnership, Strand))
    subgroups = list(scoped(partnership, SubGroup))
    spocs = {m.organisation_id: m for m in scoped(partnership, Membership).filter(role=Role.SPOC)}
    now = clock.now()
    fy_start = financial_year_start(partnership, now.date())
    per_action = max(1, changes // actions)
    statuses, weights = zip(*STATUS_WEIGHTS, strict=True)
    new_actions, histories = [], []
    for i in range(have, actions):
        organisation = organisations[i % len(organisations)]
        objective = objectives[i % len(objectives)] if objectives else None
        start = fy_start + dt.timedelta(days=rng.randint(-200, 150))
        due = start + dt.timedelta(days=rng.randint(30, 400))
        title = f"{VERBS[i % len(VERBS)]} {THINGS[(i // len(VERBS)) % len(THINGS)]} ({organisation.name}, no. {i + 1})"
        action = Action(
            partnership=partnership,
            title=title,
            objective=objective,
            strand=objective.strand if objective else (strands[i % len(strands)] if strands else None),
            subgroup=subgroups[i % len(subgroups)] if subgroups else None,
            owner_organisation=organisation,
            owner_person=spocs.get(organisation.pk),
            start_date=start,
            due_date=due,
            output="Short report to the sub-group",
            priority=("high", "medium", "low")[i % 3],
        )
        first = min(_at(start), now - dt.timedelta(days=per_action + 1))
        span = max((now - first).total_seconds(), 3600 * per_action)
        moments = sorted(first + dt.timedelta(seconds=rng.uniform(0, span)) for _ in range(per_action - 1))
        lines = []
        for n, at in enumerate([first, *moments]):
            status = "green" if n == 0 else rng.choices(statuses, weights)[0]
            note = f"Update {n + 1}: {'on track' if status == 'green' else 'see the sub-group minutes'}."
            lines.append(ActionStatusChange(partnership=partnership, status=status, note=note, changed_at=at))
        action.status, action.status_changed_at = lines[-1].status, lines[-1].changed_at
        _validate_bulk(action, lines, organisation_ids)
        new_actions.append(action)
        histories.append(lines)
    Action.objects.bulk_create(new_actions, batch_size=1000)
    for action, lines in zip(new_actions, histories, strict=True):
        for line in lines:
            line.action = action
    ActionStatusChange.objects.bulk_create([line for lines in histories for line in lines], batch_size=2000)
    audit.record(
        actor=None,
        partnership=partnership,
        action="action.bulk_seed",
        object_type="actionplans.action",
        object_repr=f"{len(new_actions)} benchmark actions",
        changes={"actions": [have, actions]},
    )
    return len(new_actions)
