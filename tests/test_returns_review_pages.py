"""The coordinator's side of a return's page (issue 19): after approving or returning one, the next
return waiting; a returned return in the coordinator's words, not the SPOC's; "Return with comments"
checked on the server and shown with the site's error summary, not the browser's bubble."""

import pytest
from django.urls import reverse

from reports.models import ReturnStatus
from reports.returns import selectors, services

from .returns_cast import open_period, quarter, submitted, the_return

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_waiting(a):
    """The police and the charity have each submitted their return for 2026/27 Q1, police first."""
    period = quarter(a)
    open_period(a, period)
    police = submitted(a, the_return(a, a.police, period), actor=a.spoc_police)
    charity = submitted(a, the_return(a, a.charity, period), actor=a.spoc_charity)
    return police, charity


def _page(client, side, return_):
    return client.get(reverse("reports:return_detail", kwargs={"slug": side.slug, "pk": return_.pk}))


def _approve(client, side, return_):
    url = reverse("reports:return_approve", kwargs={"slug": side.slug, "pk": return_.pk})
    return client.post(url, {"version": return_.version}, follow=True)


def test_after_approving_a_return_the_coordinator_is_shown_the_next_one_waiting(a, login, two_waiting):
    police, charity = two_waiting
    response = _approve(login(a.coordinator), a, police)
    html = response.content.decode()
    assert "Next return waiting" in html
    assert reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": charity.pk}) in html
    assert f"Review {a.charity.name}’s return for" in html


def test_after_approving_the_last_return_waiting_the_coordinator_is_told_none_are_left(a, login, two_waiting):
    police, charity = two_waiting
    services.return_approve(actor=a.coordinator, return_=charity, version=charity.version)
    html = _approve(login(a.coordinator), a, police).content.decode()
    assert "No more returns are waiting for review." in html


def test_the_next_return_waiting_is_the_one_submitted_first_and_counts_the_rest(a, two_waiting):
    police, charity = two_waiting
    waiting = selectors.next_waiting(a.partnership, after=charity)
    assert (waiting.first, waiting.count) == (police, 1)
    assert selectors.next_waiting(a.partnership, after=police).first == charity


def test_another_partnerships_submitted_return_is_never_the_next_one_waiting(a, b, two_waiting):
    police, charity = two_waiting
    period = quarter(b)
    open_period(b, period)
    submitted(b, the_return(b, b.police, period), actor=b.spoc_police)
    services.return_approve(actor=a.coordinator, return_=charity, version=charity.version)
    assert selectors.next_waiting(a.partnership, after=police).first is None


def test_a_spoc_is_not_shown_the_next_return_waiting(a, login, two_waiting):
    police, _ = two_waiting
    services.return_approve(actor=a.coordinator, return_=police, version=police.version)
    assert "Next return waiting" not in _page(login(a.spoc_police), a, police).content.decode()


def test_a_coordinator_reads_a_returned_return_in_their_own_words(a, login, two_waiting):
    police, _ = two_waiting
    services.return_send_back(actor=a.coordinator, return_=police, reason="Add the June figures.")
    html = _page(login(a.coordinator), a, police).content.decode()
    assert "Returned for changes by you" in html
    assert f"What you asked {a.police.name} to change" in html
    assert f"{a.police.name}’s answers" in html
    assert "Check the answers and submit on their behalf" in html
    assert "Your return" not in html and "nothing reaches the coordinator" not in html


def test_the_spoc_reads_their_returned_return_in_theirs(a, login, two_waiting):
    police, _ = two_waiting
    services.return_send_back(actor=a.coordinator, return_=police, reason="Add the June figures.")
    html = _page(login(a.spoc_police), a, police).content.decode()
    assert "What to change before you submit it again" in html
    assert "Your return" in html and "Check your answers and submit" in html
    assert "on their behalf" not in html


def test_return_with_comments_leaves_the_check_to_the_server_not_the_browser(a, login, two_waiting):
    police, _ = two_waiting
    html = _page(login(a.coordinator), a, police).content.decode()
    box = html.split('name="reason"', 1)[1].split(">", 1)[0]
    assert "required" not in box


def test_return_with_comments_and_no_reason_shows_the_error_summary_and_the_inline_error(a, login, two_waiting):
    police, _ = two_waiting
    url = reverse("reports:return_send_back", kwargs={"slug": a.slug, "pk": police.pk})
    response = login(a.coordinator).post(url, {"reason": "  ", "version": police.version})
    assert response.status_code == 422
    html = response.content.decode()
    assert "<title>Error: " in html
    summary = html.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    assert 'href="#id_reason"' in summary and "Enter your reason" in summary
    assert html.count("Enter your reason, so the organisation knows what to change.") == 2  # summary and box
    police.refresh_from_db()
    assert police.status == ReturnStatus.SUBMITTED
