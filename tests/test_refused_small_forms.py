"""A small form that is refused shows its page again with the error summary, the
message on the box and what was typed, instead of sending the reader back to an empty form with a
banner (the GOV.UK pattern every other form of the site follows)."""

import pytest
from django.urls import reverse

from actionplans.learning.models import ProgressMarker, RecommendationChange

from .learning_helpers import make_boundary_partner, make_feedback_form, make_recommendation, make_round

pytestmark = pytest.mark.django_db
LONG = "Owners report every room rented by the hour to the police. " * 6  # 360 characters: over 300


def _summary(html: str) -> str:
    return html.split("data-error-summary", 1)[1].split("</div>", 1)[0]


def test_a_progress_marker_too_long_is_shown_again_with_its_text_and_a_link_to_the_box(a, login):
    partner = make_boundary_partner(a)
    url = reverse("learning:journal_marker_add", args=[a.slug, partner.pk])
    response = login(a.coordinator).post(url, {"level": 2, "text": LONG})
    html = response.content.decode()
    assert response.status_code == 422 and "<title>Error: " in html
    assert 'href="#id_text"' in _summary(html)
    assert f'value="{LONG}"' in html  # what was typed is kept
    assert '<option value="2" selected>' in html  # and the level chosen
    assert not ProgressMarker.objects.filter(partner=partner).exists()


def test_a_statement_too_long_is_shown_again_on_the_rounds_page(a, login):
    draft = make_round(a, open=False)
    url = reverse("learning:assessment_statement_add", args=[a.slug, draft.pk])
    response = login(a.coordinator).post(url, {"text": LONG})
    html = response.content.decode()
    assert response.status_code == 422 and 'href="#id_text"' in _summary(html)
    assert LONG.strip()[:40] in html.split('id="id_text"', 1)[1].split("</textarea>", 1)[0]
    assert not draft.statements.filter(goal="own").exists()


def test_an_empty_progress_note_is_shown_again_with_the_reason(a, login):
    rec = make_recommendation(a, organisation=a.police)
    response = login(a.spoc_police).post(reverse("learning:note", args=[a.slug, rec.pk]), {"note": ""})
    html = response.content.decode()
    assert response.status_code == 422 and "Write the progress note." in _summary(html)
    assert not RecommendationChange.objects.filter(recommendation=rec, note="").exists()


def test_a_link_to_no_question_is_shown_again_on_the_results_page(a, login):
    form = make_feedback_form(a)
    url = reverse("learning:feedback_link_create", kwargs={"slug": a.slug, "pk": form.pk})
    response = login(a.coordinator).post(url, {"question": "not_a_question", "indicator": ""})
    html = response.content.decode()
    assert response.status_code == 422 and 'href="#id_question"' in _summary(html)


def test_a_tolerance_band_out_of_range_is_shown_again_on_the_periods_page(a, login):
    response = login(a.coordinator).post(reverse("indicators:settings", args=[a.slug]), {"tolerance_percent": "250"})
    html = response.content.decode()
    assert response.status_code == 422 and 'href="#id_tolerance_percent"' in _summary(html)
    assert 'value="250"' in html
