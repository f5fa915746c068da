"""The daily overdue job: an action past its due date and not complete is overdue, whatever its status.

For each newly overdue action it writes one "became overdue" line in the history, then emails
its owner and the partnership's coordinators once. Safe to run twice or to retry: the action
remembers the due date it was recorded and emailed for (a new due date starts afresh).
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse

from aspm import mail
from partnerships.models import Membership, Role

from . import clock, services
from .models import Action, RagStatus


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
    overdue = Action.objects.filter(due_date__lt=today).exclude(status=RagStatus.COMPLETE)
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
    sent = 0
    for (_, email), actions in sorted(digests.items()):
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
        mail.send(subject=subject, body=body, recipients=[email])
        sent += 1
    for action in to_email:
        Action.objects.filter(pk=action.pk).update(overdue_emailed_for=action.due_date)
    return {"recorded": recorded, "emails": sent}
