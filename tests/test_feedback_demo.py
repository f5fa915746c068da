"""The demo's feedback: Northshire's survivor support charity has a service-user form with enough answers
to show, the constabulary's training follow-up has too few (hidden), and two "You said, we did" entries
are linked to actions; seeding again adds nothing."""

import pytest
from django.core.management import call_command

from actionplans.learning import feedback_selectors as selectors
from actionplans.learning.models import FeedbackForm, FeedbackResponse, YouSaidWeDid

pytestmark = pytest.mark.django_db


def test_northshire_shows_its_service_user_feedback_and_hides_the_small_training_follow_up():
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    forms = {f.title: f for f in FeedbackForm.objects.filter(partnership__slug="northshire")}
    support = selectors.results(forms["How was your support?"])
    assert support.form.organisation.name == "Safe Harbour Survivor Support"
    assert support.total >= support.minimum and all(q.shown for q in support.questions)
    training = selectors.results(forms["Hotel staff training: three months on"])
    assert 0 < training.total < training.minimum and not any(q.shown for q in training.questions)
    entries = YouSaidWeDid.objects.filter(partnership__slug="northshire")
    assert entries.count() == 2 and all(e.actions.exists() for e in entries)

    counts = (FeedbackForm.objects.count(), FeedbackResponse.objects.count(), YouSaidWeDid.objects.count())
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    assert (FeedbackForm.objects.count(), FeedbackResponse.objects.count(), YouSaidWeDid.objects.count()) == counts
