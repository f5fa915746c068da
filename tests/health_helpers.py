"""Helpers for the meetings and partnership-health tests: meetings with known attendance, survey rounds."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from partnerships.meetings import services as meeting_services
from partnerships.models import AttendanceStatus, Meeting, MeetingKind, SurveyRound
from partnerships.services import survey

from .cast import Side

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def everyone(side: Side, status: str = AttendanceStatus.PRESENT, **overrides) -> dict[int, str]:
    """Attendance for the side's three organisations: ``status`` unless overridden by name."""
    orgs = {"police": side.police, "charity": side.charity, "council": side.council}
    return {org.pk: overrides.get(name, status) for name, org in orgs.items()}


def meeting(side: Side, held_on: dt.date, attendance: dict | None = None, **extra) -> Meeting:
    values = {"kind": MeetingKind.BOARD, "title": "Board meeting", **extra}
    return meeting_services.meeting_create(
        actor=side.coordinator,
        partnership=side.partnership,
        attendance=attendance if attendance is not None else everyone(side),
        held_on=held_on,
        **values,
    )


def meeting_with_minutes_file(side: Side) -> Meeting:
    return meeting(
        side,
        dt.date.today() - dt.timedelta(days=3),
        minutes_file=SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf"),
    )


def open_round(side: Side, opened_on: dt.date | None = None) -> SurveyRound:
    existing = SurveyRound.objects.filter(partnership=side.partnership, closed_on__isnull=True).first()
    return existing or survey.survey_round_open(
        actor=side.coordinator, partnership=side.partnership, title="Round", opened_on=opened_on
    )


def all_scores(score: int) -> dict[str, int]:
    from partnerships.health.statements import STATEMENTS

    return {s.code: score for s in STATEMENTS}
