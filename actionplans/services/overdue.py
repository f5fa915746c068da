"""The daily overdue job: an action past its due date and not complete is overdue, whatever its status.

For each newly overdue action it writes one "became overdue" line in the history, then emails
its owner and the partnership's coordinators once. Safe to run twice or to retry: the action
remembers the due date it was recorded for, and each digest sent leaves a row per action under a
unique key (``OverdueEmailSent``: action, due date, recipient), so a failure midway never re-sends
a digest already sent (a new due date starts afresh).
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from aspm import mail
from partnerships.models import Membership, Role

from .. import clock, services
from ..models import Action, OverdueEmailSent, RagStatus


def _recipients(action: Action, coordinators: dict[int, list[str]], spocs: dict[int, str]) -> set[str]:
    emails = set(coordinators.get(action.partnership_id, []))
    if action.owner_person_id and action.owner_person.user.is_active:
        emails.add(action.owner_person.user.email)
    elif action.owner_organisation_id in spocs:
        emails.add(spocs[action.owner_organisation_id])
    return emails


def record_overdue_actions() -> dict[str, int]:
    """Record and announce newly overdue actions. Returns how many lines and emails it wrote."""
    today = clock.today()
    overdue = Action.objects.filter(due_date__lt=today, partnership__is_active=True).exclude(
        status=RagStatus.COMPLETE
    )  # an archived partnership's members are not written to (as the returns' reminders)
    recorded = 0
    for action in overdue.filter(Q(overdue_recorded_for__isnull=True) | ~Q(overdue_recorded_for=F("due_date"))):
        if services.action_record_overdue(action=action, today=today) is not None:
            recorded += 1
    to_email = list(
        overdue.filter(overdue_recorded_for=F("due_date"))
        .filter(Q(overdue_emailed_for__isnull=True) | ~Q(overdue_emailed_for=F("due_date")))
        .select_related("partnership", "owner_person__user", "owner_organisation")
        .order_by("partnership_id", "due_date", "id")
    )
    partnership_ids = {a.partnership_id for a in to_email}
    coordinators: dict[int, list[str]] = defaultdict(list)
    spocs: dict[int, str] = {}
    for m in Membership.objects.filter(partnership_id__in=partnership_ids, user__is_active=True).select_related("user"):
        if m.role == Role.COORDINATOR:
            coordinators[m.partnership_id].append(m.user.email)
        elif m.role == Role.SPOC and m.organisation_id:
            spocs[m.organisation_id] = m.user.email
    digests: dict[tuple[int, str], list[Action]] = defaultdict(list)
    for action in to_email:
        for email in _recipients(action, coordinators, spocs):
            digests[(action.partnership_id, email)].append(action)
    already = set(
        OverdueEmailSent.objects.filter(action__in=to_email).values_list("action_id", "due_date", "recipient")
    )
    sent = 0
    for (_, email), actions in sorted(digests.items()):
        actions = [a for a in actions if (a.pk, a.due_date, email) not in already]
        if actions and _send_digest(email, actions):
            sent += 1
    # Every recipient has had each of these: the daily query need not look at them again.
    for action in to_email:
        Action.objects.filter(pk=action.pk).update(overdue_emailed_for=action.due_date)
    return {"recorded": recorded, "emails": sent}


def _send_digest(email: str, actions: list[Action]) -> bool:
    """One person's digest, with a row per action under the unique key, in one transaction: if the
    email fails the rows go too (a retry sends it); if another run got there first, nothing is sent."""
    partnership = actions[0].partnership
    body = render_to_string(
        "emails/actions_overdue.txt",
        {
            "partnership": partnership,
            "actions": actions,
            "site_url": getattr(settings, "SITE_URL", ""),
            "plan_url": reverse("actions:plan", kwargs={"slug": partnership.slug}) + "?status=overdue",
        },
    )
    subject = f"{partnership.name}: {len(actions)} action{'s' if len(actions) != 1 else ''} now overdue"
    now = timezone.now()
    try:
        with transaction.atomic():
            OverdueEmailSent.objects.bulk_create(
                [
                    OverdueEmailSent(
                        partnership_id=a.partnership_id, action=a, due_date=a.due_date, recipient=email, sent_at=now
                    )
                    for a in actions
                ]
            )
            mail.send(subject=subject, body=body, recipients=[email])
    except IntegrityError:
        return False  # sent by a run at the same time
    return True
