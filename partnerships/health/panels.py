"""The home-page panel for partnership health: an open survey round the member has not answered yet."""

from __future__ import annotations

from ..access import scoped
from ..models import SurveyParticipation, SurveyRound


def survey_panel(request) -> dict | None:
    round = scoped(request.partnership, SurveyRound).filter(closed_on__isnull=True).first()
    if round is None:
        return None
    answered = SurveyParticipation.objects.filter(round=round, user_id=request.user.pk).exists()
    if answered:
        return None
    return {"template": "health/panel_survey.html", "context": {"round": round}}
