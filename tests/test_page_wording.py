"""Pages say what is there in plain words: the progress page counts what its lists leave out, an empty
"My actions" says why it is empty, the indicator library names units as the forms do."""

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


def test_a_coordinator_who_owns_no_action_is_told_so_and_shown_the_way_to_the_plan(a, login):
    page = login(a.coordinator).get(f"/p/{a.slug}/actions/mine/").content.decode()
    assert "No action names you or your organisation as its owner." in page
    assert "No actions match." not in page


def test_the_indicator_library_names_units_in_words(a, login):
    page = login(a.coordinator).get(f"/p/{a.slug}/indicator-library/").content.decode()
    assert ", yes / no</td>" in page and "yesno" not in page
