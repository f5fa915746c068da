"""The progress page names the indicators off track and at risk, and says how many more there are
rather than cutting the list silently."""

from indicators.measurement import services
from indicators.measurement.views import results as results_views

from .measurement_helpers import periods


def _off_track(side, code, period):
    indicator = services.indicator_create(
        actor=side.coordinator,
        partnership=side.partnership,
        reporting_organisations=[side.police],
        code=code,
        name=f"{code} indicator",
        type="output",
        unit="count",
        direction="higher",
        frequency="quarterly",
    )
    services.target_set(actor=side.coordinator, indicator=indicator, period=period, value="10")
    services.figure_record(
        actor=side.coordinator, indicator=indicator, period=period, organisation=side.police, value="1"
    )


def test_the_lists_say_how_many_more_are_off_track_and_where_to_see_them(a, login, monkeypatch):
    q1 = periods(a)["q1"]
    for code in ("OFF-1", "OFF-2", "OFF-3"):
        _off_track(a, code, q1)
    monkeypatch.setattr(results_views, "LIST_LIMIT", 2)
    page = login(a.board).get(f"/p/{a.slug}/progress/").content.decode()
    assert "OFF-1 OFF-1 indicator" in page and "OFF-2 OFF-2 indicator" in page
    assert "OFF-3 OFF-3 indicator" not in page
    assert "And 1 more:" in page and "see them all in the results table" in page
