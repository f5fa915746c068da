"""The results table, the progress dashboard and an indicator page answer in a fixed number of queries."""

import pytest
from django.urls import reverse

from indicators.measurement import services

from . import measurement_helpers as m
from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db


def _grow(side, n: int) -> None:
    """``n`` more indicators, each with targets and figures from three organisations in two quarters."""
    p = m.periods(side)
    if p["q2"].status == "not_open":
        p["q2"] = services.period_open(actor=side.coordinator, period=p["q2"])
    start = side.partnership.indicator_count if hasattr(side.partnership, "indicator_count") else 0
    rows = []
    for i in range(start, start + n):
        indicator = services.indicator_create(
            actor=side.coordinator,
            partnership=side.partnership,
            code=f"Q-{i:03d}",
            name=f"Measure {i}",
            disaggregation=["sex"],
            reporting_organisations=[side.police, side.charity, side.council],
        )
        for quarter in (p["q1"], p["q2"]):
            services.target_set(actor=side.coordinator, indicator=indicator, period=quarter, value="9")
            for org in (side.police, side.charity, side.council):
                rows.append(
                    services.FigureInput(
                        indicator=indicator,
                        period=quarter,
                        organisation=org,
                        value="3",
                        breakdown={"sex": {"female": 2, "male": 1}},
                    )
                )
    services.figures_record_many(actor=side.coordinator, partnership=side.partnership, rows=rows)
    side.partnership.indicator_count = start + n


# The results table and the progress page: +1 for the figures' finality (the returns outstanding, asked only
# once a quarter is locked); the indicator page likewise.
PAGES = {
    "indicators:results": 17,
    "indicators:dashboard": 14,
    "indicators:list": 11,
}


@pytest.mark.parametrize("url_name", sorted(PAGES))
def test_list_pages_keep_a_constant_number_of_queries(url_name, a, login):
    client = login(a.board)
    url = reverse(url_name, kwargs={"slug": a.slug})
    flat_queries(
        grow=lambda n: _grow(a, n), measure=lambda: ok(client.get(url)), pinned=PAGES[url_name], small=3, big=25
    )


def test_an_indicator_page_keeps_a_constant_number_of_queries(a, login, django_assert_max_num_queries):
    from indicators.models import Indicator

    _grow(a, 2)
    client = login(a.viewer)
    indicator = Indicator.objects.get(code="Q-000")
    m.evidence(a)
    url = reverse("indicators:detail", kwargs={"slug": a.slug, "pk": indicator.pk})
    with django_assert_max_num_queries(18):
        assert client.get(url).status_code == 200
