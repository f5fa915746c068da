"""Who sees a funding agreement's monitoring reports. A provider's SPOC works on their own
organisation's reports only; another organisation's SPOC (not a provider) and every member of
another partnership get 404. Coordinators review and approve; board members and viewers read."""

from datetime import date

import pytest
from django.urls import reverse

from reports.models import Return, ReturnStatus

from . import monitoring_cast as mc
from .query_sizes import flat_queries

pytestmark = pytest.mark.django_db

OK, MOVED, NO, GONE = 200, 302, 403, 404


def _url(name, side, report, **extra):
    return reverse(name, kwargs={"slug": side.slug, "pk": report.pk, **extra})


@pytest.mark.parametrize(
    ("name", "extra", "expected"),
    [
        ("reports:return_detail", {}, dict(coordinator=OK, spoc_charity=OK, spoc_police=GONE, board=OK, viewer=OK)),
        (
            "reports:return_section",
            {"section": "spend"},
            dict(coordinator=OK, spoc_charity=OK, spoc_police=GONE, board=NO, viewer=NO),
        ),
        ("reports:return_check", {}, dict(coordinator=OK, spoc_charity=OK, spoc_police=GONE, board=NO, viewer=NO)),
    ],
)
def test_a_providers_spoc_sees_only_their_agreements_reports_role_by_role(a, b, login, name, extra, expected):
    report = mc.report(a, mc.monthly_agreement(a))
    for role, status in expected.items():
        assert login(a.user(role)).get(_url(name, a, report, **extra)).status_code == status, role
    for role in ("coordinator", "spoc_charity", "spoc_police", "board", "viewer"):
        assert login(b.user(role)).get(_url(name, a, report, **extra)).status_code == GONE, role


def test_the_spocs_list_of_returns_holds_their_own_organisations_monitoring_reports_only(a, login):
    agreement = mc.monthly_agreement(a)
    mc.report(a, agreement)
    charity = login(a.spoc_charity).get(reverse("reports:returns", args=[a.slug])).content.decode()
    police = login(a.spoc_police).get(reverse("reports:returns", args=[a.slug])).content.decode()
    assert "April 2026" in charity and "April 2026" not in police


def test_only_the_coordinator_approves_a_submitted_monitoring_report(a, login):
    report = mc.submitted_report(a, mc.report(a, mc.monthly_agreement(a)), "1800", "950")
    approve = _url("reports:return_approve", a, report)
    assert login(a.spoc_charity).post(approve, {"version": report.version}).status_code == NO
    assert login(a.board).post(approve, {"version": report.version}).status_code == NO
    assert login(a.coordinator).post(approve, {"version": report.version}).status_code == MOVED
    assert Return.objects.get(pk=report.pk).status == ReturnStatus.APPROVED


def test_the_coordinator_opens_the_reports_due_now_from_the_agreement_page(a, b, login):
    agreement = mc.monthly_agreement(a)
    url = reverse("reports:monitoring_open", args=[a.slug, agreement.pk])
    assert login(a.spoc_charity).post(url).status_code == NO
    assert login(b.coordinator).post(url).status_code == GONE
    response = login(a.coordinator).post(url)
    assert response.status_code == MOVED and Return.objects.filter(agreement=agreement).exists()


def test_the_agreement_page_shows_spend_and_the_reports_state_and_links_only_a_providers_own(a, login):
    agreement = mc.monthly_agreement(a, providers=[a.charity, a.police])
    mc.approved_report(a, agreement, date(2026, 4, 1), "1800", "500")
    url = reverse("strategy:agreement_detail", args=[a.slug, agreement.pk])
    page = login(a.coordinator).get(url).content.decode()
    assert "Spend against budget" in page and "to the end of April 2026" in page
    assert "£2,300" in page and "Underspend" in page
    charity_report = Return.objects.get(agreement=agreement, organisation=a.charity, period__start=date(2026, 4, 1))
    police_report = Return.objects.get(agreement=agreement, organisation=a.police, period__start=date(2026, 4, 1))
    as_police = login(a.spoc_police).get(url).content.decode()
    assert _url("reports:return_detail", a, police_report) in as_police
    assert _url("reports:return_detail", a, charity_report) not in as_police


def test_the_agreement_page_reads_in_as_many_queries_with_three_months_of_reports_as_with_a_year(a, login):
    agreement = mc.monthly_agreement(a, providers=[a.charity, a.police])
    client = login(a.coordinator)
    url = reverse("strategy:agreement_detail", args=[a.slug, agreement.pk])
    months = iter(date(2026, m, 1) for m in range(4, 13))

    def grow(n):
        for _ in range(n):
            mc.approved_report(a, agreement, next(months), "1800", "900")

    def ok():
        assert client.get(url).status_code == 200

    # 18: the agreement comes with its partnership and funder, the spend reuses the page's budget lines,
    # and the KPIs' rows do not read milestones the page does not show: four queries fewer than before;
    # and one more (19) since the KPIs' monthly figures are read by organisation too, so that a
    # provider's months count beside another organisation's quarter (year_figures)
    flat_queries(grow=grow, measure=ok, pinned=19, small=1, big=2)
