"""The demo self-assessment: Northshire's two rounds, this year's mostly better than last year's, with
gaps left to act on; seeding again adds nothing."""

import pytest
from django.core.management import call_command

from actionplans.learning import self_assessment_selectors as selectors
from actionplans.learning.models import AssessmentRating, AssessmentRound, PeerReview

pytestmark = pytest.mark.django_db


def test_northshire_has_two_rounds_showing_improvement_and_some_gaps():
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    last, this = AssessmentRound.objects.filter(partnership__slug="northshire").order_by("opens_on")
    results = selectors.results(this)
    assert results.previous == last
    changes = [row.change for row in results.rows if row.change is not None]
    assert sum(c > 0 for c in changes) > len(changes) / 2 > sum(c < 0 for c in changes)
    assert {row.statement.code for row in results.gaps} >= {"DAT1", "PRE2", "VIC4"}
    assert selectors.results(last).rated and max(results.rated.values()) == this.statements.count()
    count = AssessmentRating.objects.count()
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    assert AssessmentRating.objects.count() == count


def test_northshire_s_latest_round_is_peer_reviewed_by_riverside_with_feedback():
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    review = PeerReview.objects.get()
    latest = AssessmentRound.objects.filter(partnership__slug="northshire").order_by("-opens_on").first()
    assert (review.round, review.reviewer.slug, review.is_active) == (latest, "riverside", True)
    assert "DAT1" in review.feedback and review.feedback_by.email
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    assert PeerReview.objects.count() == 1
