"""A home for each role: board members and viewers find the latest reports to download, the
indicators' and actions' status and what changed since their last visit; a SPOC finds their
return's status and due date first; a coordinator finds what waits for them."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actionplans import services as actions
from partnerships.models import Membership
from reports.models import ReportKind

from .query_sizes import flat_queries
from .role_homes import a_report, a_submitted_return, grow

pytestmark = pytest.mark.django_db


def _home(side) -> str:
    return reverse("partnerships:home", kwargs={"slug": side.slug})


def _page(client, side) -> str:
    response = client.get(_home(side))
    assert response.status_code == 200
    return response.content.decode()


def _main_card(page: str) -> str:
    """The first panel after the page heading: the role's main card."""
    return page.split('class="card mb-3', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize("role", ["board", "viewer"])
def test_a_reader_downloads_the_latest_annual_and_quarterly_report_from_their_home(a, login, role):
    a_report(a)
    newest_annual = a_report(a)
    quarterly = a_report(a, ReportKind.QUARTERLY)
    client = login(a.user(role))
    card = _main_card(_page(client, a))
    assert "Latest reports" in card
    annual_link = reverse("reports:annual_version_download", kwargs={"slug": a.slug, "pk": newest_annual.pk})
    quarterly_link = reverse("reports:annual_version_download", kwargs={"slug": a.slug, "pk": quarterly.pk})
    assert annual_link in card and quarterly_link in card
    download = client.get(annual_link)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_board_member_without_reports_is_told_who_makes_them(a, login):
    card = _main_card(_page(login(a.board), a))
    assert "No annual report has been made yet" in card
    assert a.coordinator.full_name in card
    assert "Download" not in card


def test_a_board_member_sees_the_indicators_and_actions_status(a, login):
    grow(a, 0, 1)
    page = _page(login(a.board), a)
    assert 'id="indicators-panel-heading"' in page
    assert 'id="rag-panel-heading"' in page


def test_a_board_member_sees_what_changed_since_their_last_visit(a, login):
    first = _page(login(a.board), a)
    assert "This is your first visit" in first
    Membership.objects.filter(user=a.board).update(home_seen_at=timezone.now() - timedelta(days=3))
    action = actions.action_create(
        actor=a.coordinator,
        partnership=a.partnership,
        title="Train the response officers",
        owner_organisation=a.police,
        start_date=timezone.localdate(),
        due_date=timezone.localdate() + timedelta(days=30),
    )
    actions.action_set_status(actor=a.coordinator, action=action, status="amber", note="Late start.")
    a_report(a)
    next_visit = Client()  # a new session: a later visit
    next_visit.force_login(a.board, backend="django.contrib.auth.backends.ModelBackend")
    page = _page(next_visit, a)
    assert "What changed since your last visit" in page
    assert "Train the response officers</a> is now amber" in page
    assert "New annual report" in page
    again = _page(next_visit, a)  # the same session keeps listing the same changes
    assert "Train the response officers</a> is now amber" in again
    third_visit = Client()
    third_visit.force_login(a.board, backend="django.contrib.auth.backends.ModelBackend")
    assert "Nothing has changed." in _page(third_visit, a)


def test_a_spoc_sees_their_returns_status_and_due_date_as_the_main_card(a, login):
    a_submitted_return(a)  # the police's is submitted; the charity's is still to do
    card = _main_card(_page(login(a.spoc_charity), a))
    assert "Your return" in card
    assert "<strong>Not started</strong>" in card
    assert "Due</dt>" in card
    assert "Start your return" in card
    police = _main_card(_page(login(a.spoc_police), a))
    assert "no open return" in police and "<strong>submitted</strong>" in police


def test_a_coordinator_sees_what_waits_for_them(a, login):
    return_ = a_submitted_return(a)
    grow(a, 0, 2)
    card = _main_card(_page(login(a.coordinator), a))
    assert "Waiting for you" in card
    assert "Returns to approve: 1" in card
    assert reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": return_.pk}) in card
    assert "Overdue actions: 2" in card
    assert "Risks to review: 2" in card and "Risk 1" in card


def test_a_coordinator_with_nothing_waiting_is_told_so(a, login):
    assert "Nothing waits for you" in _main_card(_page(login(a.coordinator), a))


# Each role's home, pinned: the same count with 2 and with 14 organisations, each with an overdue
# action that changed status, a risk due for review and a report made since the last visit.
PINNED = {"coordinator": 25, "spoc_police": 21, "board": 22, "viewer": 22}


@pytest.mark.parametrize("role", list(PINNED))
def test_each_roles_home_keeps_its_queries_at_two_sizes(a, login, role):
    a_submitted_return(a)
    client = login(a.user(role))
    _page(client, a)  # the session's first home page also notes the visit
    Membership.objects.filter(user=a.user(role)).update(home_seen_at=timezone.now() - timedelta(days=1))
    sizes = {"count": 0}

    def more(n):
        grow(a, sizes["count"], n)
        sizes["count"] += n

    flat_queries(grow=more, measure=lambda: _page(client, a), pinned=PINNED[role])
