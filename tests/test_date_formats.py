"""One date format (aspm/dates.py): "12 November 2026" in text, "12/11/2026" in tables."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.template import Context, Template

from aspm import dates


def test_a_date_in_text_is_day_month_in_words_and_year():
    assert dates.long_date(date(2026, 11, 12)) == "12 November 2026"
    assert dates.long_date(date(2026, 11, 2)) == "2 November 2026"


def test_a_date_in_a_table_is_day_month_year_in_figures():
    assert dates.table_date(date(2026, 11, 2)) == "02/11/2026"


def test_a_moment_is_written_in_uk_time():
    moment = datetime(2026, 7, 1, 23, 30, tzinfo=ZoneInfo("UTC"))  # already 2 July in London
    assert dates.long_date(moment) == "2 July 2026"
    assert dates.long_datetime(moment) == "2 July 2026, 00:30"


def test_no_date_is_an_empty_string_so_templates_can_default():
    assert dates.long_date(None) == "" and dates.table_date("") == ""


def test_templates_use_the_filters_without_loading_them():
    html = Template('{{ d|long_date }} · {{ d|table_date }} · {{ none|table_date|default:"—" }}').render(
        Context({"d": date(2026, 11, 12), "none": None})
    )
    assert html == "12 November 2026 · 12/11/2026 · —"
