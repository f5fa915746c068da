"""The demo: Northshire splits its victim-identification indicators by nationality, and Potential
victims identified by nationality × sex, with cells that add up both ways."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from indicators.measurement.dimensions import dimensions_of
from indicators.measurement.figure_parsing import parse_breakdown
from indicators.models import Figure, Indicator
from partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def test_northshire_splits_victim_identification_by_nationality_and_one_indicator_by_nationality_and_sex(capsys):
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    northshire = Partnership.objects.get(slug="northshire")
    identifying = Indicator.objects.filter(partnership=northshire, library_code__startswith="O6-")
    split = [i for i in identifying if "nationality" in i.disaggregation]
    assert len(split) >= 3
    crossed = [i for i in split if "nationality*sex" in i.disaggregation]
    assert len(crossed) == 1
    # Figures whose reporter split them by sex carry the cross-tab (built from that split); a figure
    # reported without a sex split has the nationality split only, as a real partner's might.
    figures = [
        f for f in Figure.objects.filter(indicator=crossed[0]).exclude(value=0) if "nationality*sex" in f.breakdown
    ]
    assert figures
    registry = dimensions_of(northshire)
    for figure in figures:
        cells = figure.breakdown["nationality*sex"]
        assert sum(cells.values()) == figure.value
        given = {k: figure.breakdown[k] for k in ("nationality", "sex", "nationality*sex")}
        _, errors = parse_breakdown(crossed[0], figure.value, given, registry)
        assert errors == {}, (figure.period, errors)
