"""The annual report's "What we were asked to change and what we did" section."""

import pytest
from django.utils import timezone

from actionplans import services as actions
from actionplans.learning import services
from reports.annual.registry import default_section_keys
from reports.annual.render import build_sections, render_html
from reports.annual.sections.base import ReportContext
from reports.annual.sections.recommendations import RECOMMENDATIONS
from reports.annual.years import year_containing

from .learning_helpers import accepted, make_recommendation

pytestmark = pytest.mark.django_db


def _ctx(side, **kw):
    year = year_containing(side.partnership, timezone.localdate())
    return ReportContext(
        partnership=side.partnership, year=year, as_of=timezone.now(), section_keys=default_section_keys(), **kw
    )


def test_the_report_says_what_was_asked_what_we_answered_and_what_we_did(a):
    rec = accepted(a, reference="3.1", text="Publish the adult referral pathway")
    [action] = services.recommendation_make_actions(actor=a.coordinator, recommendation=rec, titles=["Publish it"])
    actions.action_set_status(actor=a.coordinator, action=action, status="complete")
    refused = make_recommendation(a, reference="3.2", text="Open a second safe house")
    services.recommendation_respond(
        actor=a.coordinator, recommendation=refused, response="reject", reasons="Commissioned nationally, not by us."
    )
    ctx = _ctx(a)
    data = RECOMMENDATIONS.gather(ctx)
    assert (data["count"], data["answered"], data["accepted"], data["done"]) == (2, 2, 1, 1)
    html = render_html(ctx, build_sections(ctx), template="reports/annual/_body.html")
    assert "What we were asked to change and what we did" in html
    assert "3.1 Publish the adult referral pathway" in html
    assert "Publish it (complete)" in html
    assert "Not accepted: Commissioned nationally, not by us." in html


def test_another_partnerships_recommendations_are_not_in_the_report(a, b):
    make_recommendation(b, text="Southmoor only")
    assert RECOMMENDATIONS.gather(_ctx(a))["count"] == 0
