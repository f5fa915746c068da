"""A partnership chooses its disclosure rules; changes are refused outside 3–20 and audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from aspm.disclosure import policy as rules
from partnerships import selectors, services
from partnerships.models import AuditEvent, DisclosurePolicy

START_OF_YEAR = dt.date(2026, 4, 10)  # within the first month of an April year
MID_YEAR = dt.date(2026, 9, 15)


def _update(side, **values):
    kwargs = {"method": rules.THRESHOLD, "threshold": 5, "reason": "", "today": MID_YEAR} | values
    return services.disclosure_policy_update(actor=side.coordinator, partnership=side.partnership, **kwargs)


def test_a_partnership_without_a_chosen_policy_hides_one_to_four(a):
    policy = selectors.disclosure_policy(a.partnership)
    assert (policy.method, policy.hide_below, policy.small_mark) == (rules.THRESHOLD, 5, "<5")


@pytest.mark.parametrize("threshold", [2, 21])
def test_a_threshold_outside_three_to_twenty_is_refused_and_nothing_is_written(a, threshold):
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        _update(a, threshold=threshold, reason="Board decision")
    assert "from 3 to 20" in error.value.message_dict["threshold"][0]
    assert not DisclosurePolicy.objects.filter(partnership=a.partnership).exists()
    assert AuditEvent.objects.count() == before


def test_changing_the_rules_mid_year_needs_a_reason(a):
    with pytest.raises(ValidationError) as error:
        _update(a, threshold=10)
    assert "part-way through the year" in error.value.message_dict["reason"][0]
    assert selectors.disclosure_policy(a.partnership).threshold == 5


def test_changing_the_rules_in_the_first_month_of_the_year_needs_no_reason(a):
    _update(a, threshold=10, today=START_OF_YEAR)
    assert selectors.disclosure_policy(a.partnership).hide_below == 10


def test_a_change_records_who_when_and_why_in_the_audit_log(a):
    _update(a, threshold=10, reason="Our board asked for more care.", today=START_OF_YEAR)
    _update(a, method=rules.NHS, threshold=10, reason="We follow NHS Digital like our health partners.")
    event = AuditEvent.objects.filter(partnership=a.partnership, action="disclosurepolicy.update").get()
    assert event.actor == a.coordinator
    assert event.at is not None
    assert "We follow NHS Digital like our health partners." in str(event.changes)
    assert "nhs" in str(event.changes).lower()
    row = DisclosurePolicy.objects.get(partnership=a.partnership)
    assert row.changed_by == a.coordinator


def test_nhs_method_hides_one_to_seven_and_rounds_the_rest_to_five():
    nhs = rules.Policy(rules.NHS)
    assert [nhs.show(n)[0] for n in (0, 1, 7, 8, 12, 13, 102)] == ["0", "*", "*", "10", "10", "15", "100"]


def test_rounding_only_hides_nothing_and_rounds_to_five():
    rounding = rules.Policy(rules.ROUNDING)
    assert [rounding.show(n) for n in (1, 3, 8)] == [("0", False), ("5", False), ("10", False)]


def test_the_strictest_of_several_policies_hides_the_widest_band_and_rounds_if_any_does():
    combined = rules.strictest([rules.Policy(rules.THRESHOLD, 10), rules.Policy(rules.ROUNDING)])
    assert (combined.hide_below, combined.rounding_base) == (10, 5)
    assert rules.strictest([rules.Policy(rules.THRESHOLD, 5), rules.Policy(rules.NHS)]).method == rules.NHS


def test_the_coordinator_changes_the_rules_on_the_settings_page(a, login):
    client = login(a.coordinator)
    url = reverse("partnerships:disclosure", kwargs={"slug": a.slug})
    page = client.get(url)
    assert "Hide small counts" in page.content.decode()
    response = client.post(url, {"method": "threshold", "threshold": 2, "reason": "Fewer hidden"})
    assert "Enter a threshold from 3 to 20" in response.content.decode()
    response = client.post(url, {"method": "threshold", "threshold": 7, "reason": "Board decision"})
    assert response.status_code == 302
    assert selectors.disclosure_policy(a.partnership).threshold == 7


def test_the_details_page_links_to_the_disclosure_rules(a, login):
    page = login(a.coordinator).get(reverse("partnerships:edit", kwargs={"slug": a.slug})).content.decode()
    assert reverse("partnerships:disclosure", kwargs={"slug": a.slug}) in page


def test_the_rules_page_explains_the_nhs_and_ons_approaches(client):
    page = client.get(reverse("disclosure_rules")).content.decode()
    assert "NHS Digital" in page and "Office for National Statistics" in page


def test_the_publication_option_links_to_the_rules_page_and_the_partnerships_rules(a, login):
    page = login(a.coordinator).get(reverse("reports:annual_start", kwargs={"slug": a.slug})).content.decode()
    assert reverse("disclosure_rules") in page
    assert reverse("partnerships:disclosure", kwargs={"slug": a.slug}) in page
