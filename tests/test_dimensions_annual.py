"""The annual report's cross-tabulations: printed as a table of nationality by sex, and, for
publication, a small cell is hidden with enough cells across its row and column."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.utils import timezone

from indicators.models import Indicator
from reports.annual.registry import default_section_keys
from reports.annual.render import build_sections, render_html
from reports.annual.sections.base import ReportContext

from . import dimension_helpers as d
from .annual_plan import load_plan
from .test_annual_content import quarters, record, this_year

pytestmark = pytest.mark.django_db

CELLS = {  # two Albanian women; every other cell 7 or more
    "british*female": 10,
    "british*male": 12,
    "albanian*female": 2,
    "albanian*male": 9,
    "vietnamese*female": 7,
    "vietnamese*male": 8,
}


def _crosstab_text(side, *, publication: bool) -> str:
    ctx = ReportContext(
        partnership=side.partnership,
        year=this_year(side),
        as_of=timezone.now(),
        for_publication=publication,
        section_keys=default_section_keys(),
    )
    html = render_html(ctx, build_sections(ctx), template="reports/annual/pdf.html")
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return text[text.index("Cross-tabulations for the year") :][:700]


def _split_indicator(side):
    load_plan(side.partnership, this_year(side).start, objectives=1)
    d.nationality(side)
    indicator = Indicator.objects.get(partnership=side.partnership, code="OBJ1-01")
    # the plan fixture's indicators are made as rows, not through the services: set the split the same way
    Indicator.objects.filter(pk=indicator.pk).update(disaggregation=["nationality", "sex", "nationality*sex"])
    margins = {"nationality": {"british": 22, "albanian": 11, "vietnamese": 15}, "sex": {"female": 19, "male": 29}}
    record(side, indicator, quarters(side)[0], side.police, 48, {**margins, "nationality*sex": CELLS})
    return indicator


def test_the_annual_report_prints_a_cross_tab_as_a_table_with_its_margins(a):
    _split_indicator(a)
    text = _crosstab_text(a, publication=False)
    assert "by nationality × sex" in text
    assert re.search(
        r"Nationality Female Male Total British 10 12 22 Albanian 2 9 11 Vietnamese 7 8 15 Total 19 29 48", text
    ), text


def test_for_publication_the_small_cell_is_hidden_across_its_row_and_column(a):
    _split_indicator(a)
    text = _crosstab_text(a, publication=True)
    albanian = re.search(r"Albanian (\S+) (\S+) (\S+)", text).groups()
    assert albanian[0] in ("<5", "[c]") and albanian[1] == "[c]", text
    column = [re.search(rf"{n} (\S+) ", text).group(1) for n in ("British", "Vietnamese")]
    assert "[c]" in column, text
    assert "Total 19 29 48" in text, text  # the single splits print in full beside it
