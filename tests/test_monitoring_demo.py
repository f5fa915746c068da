"""The demo's funding agreement has a year of monthly monitoring reports from its two providers:
some late, one returned, spend a little under budget."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from indicators.models import FundingAgreement
from partnerships.models import Membership, Role
from reports.models import Return, ReturnStatus
from reports.monitoring.spend import agreement_spend

pytestmark = pytest.mark.django_db


def test_the_demo_agreement_has_a_year_of_monthly_reports_some_late_one_returned_spend_slightly_under(capsys, client):
    call_command("seed_demo", "--allow-production")
    agreement = FundingAgreement.objects.get(title="Support before a referral decision")
    reports = Return.objects.filter(agreement=agreement)
    first_year = reports.filter(period__start__lt=date(agreement.start_date.year + 1, agreement.start_date.month, 1))
    assert first_year.count() == 24 and {r.organisation.name for r in first_year} == {
        "Safe Harbour Survivor Support",
        "Citizens Advice Northshire",
    }
    assert first_year.filter(status=ReturnStatus.APPROVED).count() == 23
    returned = reports.get(status=ReturnStatus.RETURNED)
    assert returned.transitions.filter(verb="send_back").exists()
    late = [r for r in first_year if r.first_submitted_at and r.first_submitted_at.date() > r.due_date]
    assert len(late) == 3
    year = agreement_spend(agreement).year(agreement.start_date)
    assert year.reported_through.end.month == 3 and year.total.to_date_budget == year.total.year_budget
    assert -10 < year.total.variance_percent < 0  # a little under budget, within the funder's tolerance
    today = timezone.localdate()
    assert not reports.filter(period__start__gt=today).exists()

    coordinator = Membership.objects.get(partnership=agreement.partnership, role=Role.COORDINATOR).user
    client.force_login(coordinator)
    page = client.get(reverse("strategy:agreement_detail", args=[agreement.partnership.slug, agreement.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "Spend against budget" in text and "Returned" in text
