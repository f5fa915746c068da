"""Done when (issue 15): no hidden count in any published output of the demo can be recovered or narrowed
below the threshold's width from what the output shows. Every system of figures that the annual report's
publication version and the figures export for publication send through the disclosure engine, for
every demo partnership under its own policy, is checked with the independent solver; then all the
outputs of the year together, as a reader who kept each one would combine them."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from partnerships.models import Partnership
from partnerships.selectors import disclosure_policy

from .disclosure_capture import exposed, exposed_across, outputs_of_the_year, published_systems

pytestmark = pytest.mark.django_db


def test_no_hidden_count_in_the_demos_published_outputs_can_be_narrowed_below_the_threshold(capsys):
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    checked = hidden = 0
    for partnership in Partnership.objects.order_by("slug"):
        for figures, policy, cells in published_systems(partnership):
            assert not exposed(figures, policy, cells), (partnership.slug, figures.values, [c.text for c in cells])
            checked += 1
            hidden += sum(c.suppressed for c in cells)
    assert checked and hidden  # the demo has small counts: the check is not empty

    # And a reader who keeps every publication of the year (each quarter's report and the spreadsheet
    # as they came out, then the annual report) cannot put them together to narrow a hidden count.
    hidden_across = 0
    for partnership in Partnership.objects.order_by("slug"):
        outputs = outputs_of_the_year(partnership)
        assert len(outputs) >= 3, partnership.slug  # two quarters' reports and spreadsheets, the year's report
        assert not exposed_across(outputs, disclosure_policy(partnership)), partnership.slug
        hidden_across += sum(p.hidden for printed in outputs for p in printed)
    assert hidden_across  # some output of the demo hides a count: the check across outputs is not empty
