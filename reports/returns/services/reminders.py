"""Reminder emails about quarterly returns and funding agreements' monitoring reports (the same
rows), sent by a periodic job (see ``aspm/schedule.py``).

The SPOC of each open return is reminded at fixed offsets from the due date and weekly once it is
late; coordinators are told of returns just submitted. A ReminderSent row with a unique key is
written in the same transaction as the email is sent, so each reminder goes out once however
often the job runs, even two at a time: the second insert of the same key waits, then fails.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from aspm import mail
from partnerships.models import Membership, Role

from ...models.returns import EDITABLE_STATUSES, ReminderSent, Return, ReturnStatus, ReturnTransition

# The whole reminder schedule, in days relative to the due date (negative: before it).
BEFORE_DUE = (-14, -3, 0)
LATE_EVERY_DAYS = 7  # then every week while late
SUBMITTED_LOOKBACK = timedelta(days=7)  # coordinators hear of submissions made in this window


def clock():
    """Now. Tests replace this to move time."""
    return timezone.now()


def reminder_due(due: date, today: date) -> str | None:
    """The latest reminder whose day has come for a return due on ``due``, as a stable name
    ("before-14", "before-3", "due-today", "late-week-1", …); None before the first.

    Naming the latest milestone reached (not only one falling exactly today) means a day the job
    did not run is caught up on its next run; the unique key stops it being sent twice.
    """
    days = (today - due).days
    if days >= LATE_EVERY_DAYS:
        return f"late-week-{days // LATE_EVERY_DAYS}"
    reached = [offset for offset in BEFORE_DUE if offset <= days]
    if not reached:
        return None
    latest = max(reached)
    return "due-today" if latest == 0 else f"before-{-latest}"


def _link(return_: Return) -> str:
    path = reverse("reports:return_detail", kwargs={"slug": return_.partnership.slug, "pk": return_.pk})
    base = getattr(settings, "SITE_URL", "") or f"https://{settings.ALLOWED_HOSTS[0]}"
    return base.rstrip("/") + path


def _send_once(*, key: str, return_: Return, kind: str, recipients: list[str], subject: str, body: str) -> bool:
    if not recipients:
        return False
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                partnership=return_.partnership,
                key=key,
                return_obj=return_,
                kind=kind,
                recipients=recipients,
                sent_at=clock(),
            )
            # Sent inside the transaction: if sending fails, the row goes too and a retry sends it.
            mail.send(subject=subject, body=body, recipients=recipients)
    except IntegrityError:
        return False  # already sent by an earlier or concurrent run
    return True


def _spoc_emails(partnership_ids) -> dict[int, list[str]]:
    rows = Membership.objects.filter(
        partnership_id__in=partnership_ids, role=Role.SPOC, user__is_active=True
    ).values_list("organisation_id", "user__email")
    emails: dict[int, list[str]] = {}
    for org_id, email in rows:
        emails.setdefault(org_id, []).append(email)
    return emails


def _coordinator_emails(partnership_ids) -> dict[int, list[str]]:
    rows = Membership.objects.filter(
        partnership_id__in=partnership_ids, role=Role.COORDINATOR, user__is_active=True
    ).values_list("partnership_id", "user__email")
    emails: dict[int, list[str]] = {}
    for pid, email in rows:
        emails.setdefault(pid, []).append(email)
    return emails


def send_due_reminders(today: date) -> int:
    """Remind SPOCs of open returns; returns how many emails went out."""
    candidates = Return.objects.filter(
        status__in=EDITABLE_STATUSES,
        partnership__is_active=True,
        organisation__is_active=True,
        due_date__lte=today + timedelta(days=-min(BEFORE_DUE)),
    ).select_related("partnership", "organisation", "period", "agreement")
    candidates = [r for r in candidates if reminder_due(r.due_date, today)]
    spocs = _spoc_emails({r.partnership_id for r in candidates})
    sent = 0
    for return_ in candidates:
        name = reminder_due(return_.due_date, today)
        late = today > return_.due_date
        days = abs((today - return_.due_date).days)
        context = {"return": return_, "link": _link(return_), "late": late, "days": days}
        what = f"{return_.organisation}'s {return_.noun} for {return_.period}"
        subject = (
            f"Late: {what} was due {return_.due_date:%-d %B}"
            if late
            else f"Reminder: {what} is due {return_.due_date:%-d %B}"
        )
        sent += _send_once(
            key=f"return-{return_.pk}-due-{return_.due_date:%Y%m%d}-{name}",
            return_=return_,
            kind="late" if late else "due",
            recipients=spocs.get(return_.organisation_id, []),
            subject=subject,
            body=render_to_string("emails/return_reminder.txt", context),
        )
    return sent


def send_submission_notices(now) -> int:
    """Tell coordinators of returns submitted (or resubmitted) recently; once per submission."""
    moves = ReturnTransition.objects.filter(
        to_status=ReturnStatus.SUBMITTED, at__gte=now - SUBMITTED_LOOKBACK, at__lte=now
    ).select_related(
        "return_obj__partnership", "return_obj__organisation", "return_obj__period", "return_obj__agreement", "actor"
    )
    moves = list(moves)
    coordinators = _coordinator_emails({m.partnership_id for m in moves})
    sent = 0
    for move in moves:
        return_ = move.return_obj
        context = {"return": return_, "move": move, "link": _link(return_)}
        again = " again" if move.verb == "resubmit" else ""
        sent += _send_once(
            key=f"return-{return_.pk}-submitted-{move.pk}",
            return_=return_,
            kind="submitted",
            recipients=coordinators.get(return_.partnership_id, []),
            subject=f"{return_.organisation} submitted{again} its {return_.noun} for {return_.period}",
            body=render_to_string("emails/return_submitted.txt", context),
        )
    return sent


def send_return_reminders() -> dict[str, int]:
    now = clock()
    today = timezone.localdate(now)
    return {"due": send_due_reminders(today), "submitted": send_submission_notices(now)}
