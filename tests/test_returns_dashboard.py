"""The coordinators' completeness dashboard: every organisation × quarter in its state, one
click to each return waiting for approval, timeliness, in a fixed number of queries."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerships import services as partnership_services
from partnerships.models import Sector
from reports.models import Return
from reports.returns import selectors, services

from .query_sizes import flat_queries, ok
from .returns_cast import NARRATIVE, indicator, open_period, quarter, section_url, submitted

pytestmark = pytest.mark.django_db


def _quarters(side, count):
    """``count`` consecutive quarters ending with the one that holds today, all opened."""
    today = timezone.localdate()
    start = date(today.year, ((today.month - 1) // 3) * 3 + 1, 1)
    periods = []
    for back in range(count - 1, -1, -1):
        months = start.year * 12 + start.month - 1 - 3 * back
        period = quarter(side, date(months // 12, months % 12 + 1, 1))
        open_period(side, period)
        periods.append(period)
    return periods


def _url(side):
    return reverse("reports:returns", kwargs={"slug": side.slug})


def test_each_state_shows_with_late_ones_marked(a, login):
    old, current = _quarters(a, 2)
    police_old = Return.objects.get(organisation=a.police, period=old)
    charity_old = Return.objects.get(organisation=a.charity, period=old)
    Return.objects.filter(pk=charity_old.pk).update(due_date=timezone.localdate() - timedelta(days=3))
    submitted(a, police_old)
    services.return_save_draft(
        actor=a.spoc_charity, return_=Return.objects.get(organisation=a.charity, period=current), narrative=NARRATIVE
    )
    data = selectors.completeness(a.partnership, timezone.localdate())
    by_org = {row.organisation: [c.label for c in row.cells] for row in data.rows}
    assert by_org[a.police] == ["Not started", "Submitted"]
    assert by_org[a.charity] == ["Draft", "Not started (late)"]
    assert [r.pk for r in data.awaiting] == [police_old.pk]
    page = login(a.coordinator).get(_url(a)).content.decode()
    assert "Waiting for approval (1)" in page
    assert reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": police_old.pk}) in page
    assert "Not started (late)" in page


def test_approved_and_returned_show_and_an_unasked_organisation_is_listed_apart(a):
    (period,) = _quarters(a, 1)
    police = submitted(a, Return.objects.get(organisation=a.police, period=period))
    services.return_approve(actor=a.coordinator, return_=police)
    charity = submitted(a, Return.objects.get(organisation=a.charity, period=period), actor=a.spoc_charity)
    services.return_send_back(actor=a.coordinator, return_=charity, reason="Add figures.")
    data = selectors.completeness(a.partnership, timezone.localdate())
    assert {row.organisation: row.cells[0].state for row in data.rows} == {a.police: "approved", a.charity: "returned"}
    assert data.not_asked == [a.council.name]
    assert data.rows[0].cells[0].days_late is not None


def test_the_spoc_gets_their_own_list_not_the_dashboard(a, login):
    _quarters(a, 1)
    page = login(a.spoc_police).get(_url(a)).content.decode()
    assert "Waiting for approval" not in page
    assert f"{a.police}: quarterly returns" in page


def test_board_members_read_the_dashboard_but_get_no_review_controls(a, login):
    _quarters(a, 1)
    page = login(a.board).get(_url(a)).content.decode()
    assert "By organisation and quarter" in page
    assert "Open missing" not in page


def _grow(side, organisations):
    for i in range(organisations):
        org = partnership_services.organisation_create(
            actor=None, partnership=side.partnership, name=f"Partner {i:02d}", sector=Sector.NGO
        )
        indicator(side, f"P-{i:02d}", reporters=[org])


def test_the_dashboard_takes_the_same_number_of_queries_for_3_or_40_organisations(
    a, b, login, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(a.coordinator)
    _quarters(a, 2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(_url(a)).status_code == 200
    _grow(b, 40)
    _quarters(b, 8)
    client = login(b.coordinator)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(_url(b))
    assert response.content.decode().count("Not started") >= 40 * 8


def test_a_returns_page_takes_a_fixed_number_of_queries_with_40_figures(a, login):
    (period,) = _quarters(a, 1)
    return_ = Return.objects.get(organisation=a.police, period=period)
    made = iter(range(100))

    def grow(n):  # the open return stages a row for each new indicator (hook reporting_changed)
        for _ in range(n):
            i = next(made)
            indicator(a, f"IND-{i:02d}", reporters=[a.police], disaggregation=["age_group"] if i % 2 else [])

    client = login(a.spoc_police)
    found = {}

    def url():  # the figures section exists once the first indicators do (found in the warm-up call)
        if "url" not in found:
            found["url"] = section_url(a, return_)
        return found["url"]

    # +3: action updates (owned actions, staged updates, their prefetch); +2: last quarter's recorded figures
    flat_queries(grow=grow, measure=lambda: ok(client.get(url())), pinned=21, small=2, big=38)
    assert client.get(url()).content.decode().count('inputmode="decimal"') == 40


def test_the_home_page_tells_the_spoc_what_is_due_and_the_coordinator_what_waits(a, login):
    (period,) = _quarters(a, 1)
    submitted(a, Return.objects.get(organisation=a.charity, period=period), actor=a.spoc_charity)
    home = reverse("partnerships:home", kwargs={"slug": a.slug})
    spoc_page = login(a.spoc_police).get(home).content.decode()
    assert f"{period.label} return for {a.police}" in spoc_page
    assert "<strong>Not started</strong>" in spoc_page
    coordinator_page = login(a.coordinator).get(home).content.decode()
    assert "Returns to approve: 1" in coordinator_page
    assert 'id="returns-panel-heading"' not in login(a.board).get(home).content.decode()
