"""Bad input (issue 15): a threshold below 3 or above 20 is refused on the page as in the service; a change
part-way through the year needs a reason and records who, when and why; and nothing already published
is rendered again: an archived version keeps its bytes and cannot be changed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aspm.disclosure import policy as rules
from partnerships import selectors, services
from partnerships.models import AuditEvent, DisclosurePolicy
from reports.models import ReportVersion

from .access_registry.reports import make_version

pytestmark = pytest.mark.django_db

MID_YEAR = "2026-09-15"


@pytest.mark.parametrize("threshold", [0, 2, 21, 100])
def test_the_settings_page_refuses_a_threshold_outside_three_to_twenty_and_writes_nothing(a, login, threshold):
    url = reverse("partnerships:disclosure", kwargs={"slug": a.slug})
    response = login(a.coordinator).post(url, {"method": "threshold", "threshold": threshold, "reason": "Board"})
    assert response.status_code == 200
    assert "from 3 to 20" in response.content.decode()
    assert not DisclosurePolicy.objects.filter(partnership=a.partnership).exists()
    assert not AuditEvent.objects.filter(partnership=a.partnership, action__startswith="disclosurepolicy").exists()


@pytest.mark.parametrize("threshold", [3, 20])
def test_the_ends_of_the_range_are_accepted(a, threshold):
    services.disclosure_policy_update(
        actor=a.coordinator, partnership=a.partnership, method=rules.THRESHOLD, threshold=threshold, reason="Board"
    )
    assert selectors.disclosure_policy(a.partnership).hide_below == threshold


def test_a_change_part_way_through_the_year_without_a_reason_is_refused_on_the_page(a, login):
    import datetime as dt
    from unittest import mock

    url = reverse("partnerships:disclosure", kwargs={"slug": a.slug})
    with mock.patch("django.utils.timezone.localdate", return_value=dt.date.fromisoformat(MID_YEAR)):
        response = login(a.coordinator).post(url, {"method": "nhs", "threshold": 5, "reason": "  "})
    assert response.status_code == 200
    assert "part-way through the year" in response.content.decode()
    assert selectors.disclosure_policy(a.partnership) == rules.DEFAULT_POLICY


def test_an_archived_publication_keeps_its_bytes_when_the_rules_change_and_cannot_be_changed(a):
    version = make_version(a)
    with version.file.open("rb") as handle:
        before = handle.read()
    services.disclosure_policy_update(
        actor=a.coordinator,
        partnership=a.partnership,
        method=rules.NHS,
        threshold=5,
        reason="We follow NHS Digital like our health partners.",
    )
    version = ReportVersion.objects.get(pk=version.pk)
    with version.file.open("rb") as handle:
        assert handle.read() == before
    assert ReportVersion.objects.filter(partnership=a.partnership).count() == 1
    with pytest.raises(ValueError, match="never changed"):
        version.save()
    with pytest.raises(ValueError, match="never deleted"):
        version.delete()
    event = AuditEvent.objects.get(partnership=a.partnership, action="disclosurepolicy.create")
    assert event.actor == a.coordinator and "NHS Digital like our health partners" in str(event.changes)
