"""Year on year in the annual report of the Northshire demo (issue 18): each indicator beside last year,
last year's figure worked out by the indicator's own rule (here, in the test, straight from the figures
it was given), "no figure" where last year has none, and a small count hidden in both years alike."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from indicators.models import Figure, Indicator, PeriodKind, ReportingPeriod, Rollup, Target
from partnerships.models import Organisation, Partnership
from reports.annual.registry import default_section_keys
from reports.annual.render import build_sections, render_html
from reports.annual.sections.base import ReportContext
from reports.annual.sections.results import INDICATORS
from reports.annual.sections.year_on_year import NO_FIGURE, YEAR_ON_YEAR
from reports.annual.years import year_containing, year_starting
from reports.jobs.pdf import render_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def northshire():
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    return Partnership.objects.get(slug="northshire")


def years(partnership):
    this = year_containing(partnership, timezone.localdate())
    return this, year_starting(partnership, this.start.year - 1)


def quarters_of(partnership, year):
    return list(
        ReportingPeriod.objects.filter(
            partnership=partnership, kind=PeriodKind.QUARTER, start__gte=year.start, end__lte=year.end
        ).order_by("start")
    )


def new_count_indicator(partnership, code, name) -> Indicator:
    """A count of referrals under the demo's first strand, added by the test."""
    like = Indicator.objects.filter(partnership=partnership, strand__isnull=False).order_by("strand__order").first()
    return Indicator.objects.create(
        partnership=partnership,
        code=code,
        name=name,
        unit="count",
        rollup=Rollup.FLOW,
        objective=like.objective,
        strand=like.strand,
        baseline_value=Decimal(9),
    )


def give(partnership, indicator, figures: dict) -> None:
    """``figures``: {(quarter, organisation): value}, stored as the services store them."""
    for (quarter, organisation), value in figures.items():
        Figure.objects.create(
            partnership=partnership, indicator=indicator, period=quarter, organisation=organisation, value=value
        )


def context(partnership, year, *, for_publication=False) -> ReportContext:
    return ReportContext(
        partnership=partnership,
        year=year,
        as_of=timezone.now(),
        for_publication=for_publication,
        section_keys=default_section_keys(),
        foreword="A short foreword.",
    )


def year_on_year_text(partnership, year) -> str:
    """The words of the year-on-year pages of the report's PDF."""
    ctx = context(partnership, year)
    html = render_html(ctx, build_sections(ctx), template="reports/annual/pdf.html")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(render_pdf(html).content)).pages]
    start = next(n for n, text in enumerate(pages) if text.startswith("Year on year"))
    end = next(n for n, text in enumerate(pages) if n > start and text.startswith("Partner contributions"))
    return " ".join(pages[start:end])


def row_of(text: str, indicator: Indicator) -> str:
    """The table row of ``indicator``: from its code and name to the next indicator's code."""
    after = text.split(f"{indicator.code} {indicator.name}", 1)[1]
    return re.split(r" [A-Z]{1,4}\d*-\d+ ", after, maxsplit=1)[0].strip()


def test_each_indicator_stands_beside_last_years_figure_by_its_own_rule_and_small_counts_stay_hidden(
    northshire, monkeypatch
):
    """One test, as the demo takes a while to seed: the PDF's figures, then the version for publication."""
    this_year, last_year = years(northshire)
    police, charity, council = Organisation.objects.filter(partnership=northshire).order_by("pk")[:3]
    last_q1, last_q2, last_q3, _last_q4 = quarters_of(northshire, last_year)
    referrals = new_count_indicator(northshire, "YY-01", "Referrals checked by the test")
    given = {(last_q1, police): 23, (last_q1, charity): 19, (last_q2, police): 11, (last_q3, council): 30}
    give(northshire, referrals, given)
    for quarter in (last_q1, last_q2, last_q3):
        Target.objects.create(partnership=northshire, indicator=referrals, period=quarter, value=25)
    give(northshire, referrals, {(quarters_of(northshire, this_year)[0], police): 31})
    newcomer = new_count_indicator(northshire, "YY-02", "A count first measured this year")
    give(northshire, newcomer, {(quarters_of(northshire, this_year)[0], charity): 12})
    # A demo indicator too: a flow whose figures were all given for quarters, added up the way its rule says.
    demo_flow = next(
        i
        for i in Indicator.objects.filter(partnership=northshire, unit="count", is_active=True).order_by("code")
        if i.rule == Rollup.FLOW
        and Figure.objects.filter(indicator=i, period__start__gte=last_year.start, period__end__lte=last_year.end)
        .exclude(period__kind=PeriodKind.QUARTER)
        .count()
        == 0
        and Figure.objects.filter(indicator=i, period__in=quarters_of(northshire, last_year)).exists()
    )
    demo_total = sum(
        f.value for f in Figure.objects.filter(indicator=demo_flow, period__in=quarters_of(northshire, last_year))
    )

    text = year_on_year_text(northshire, this_year)

    assert f"Year on year Each indicator beside {last_year.label}" in text
    # baseline, then last year's actual (every organisation and quarter added up) and its target (three quarters' worth)
    assert row_of(text, referrals).startswith(f"9 {sum(given.values())} {3 * 25} ")
    assert " 31 " in row_of(text, referrals)  # this year's figure beside it
    assert row_of(text, newcomer).startswith(f"9 {NO_FIGURE} ")
    assert f" {int(demo_total)} " in f" {row_of(text, demo_flow)} "
    # the action plan at the two year ends, in the same section
    assert f"Actions by RAG status on 31 March {last_year.end.year} (the end of {last_year.label})" in text

    # A county's plan (beyond the chart limit) gets the compact table: each year's actual (target) in one cell.
    monkeypatch.setattr("reports.annual.sections.year_on_year.CHART_LIMIT", 3)
    compact = year_on_year_text(northshire, this_year)
    assert "the comparison is given in tables only" in compact
    assert row_of(compact, referrals).startswith(f"9 {sum(given.values())} ({3 * 25}) ")
    assert row_of(compact, newcomer).startswith(f"9 {NO_FIGURE} ")
    monkeypatch.undo()

    # For publication: a count hidden in last year's own report stays hidden beside this year.
    few = new_count_indicator(northshire, "YY-03", "Survivors housed through the test's scheme")
    give(northshire, few, {(quarters_of(northshire, last_year)[1], police): 3})
    give(northshire, few, {(quarters_of(northshire, this_year)[0], charity): 14})

    public = context(northshire, this_year, for_publication=True)
    data = YEAR_ON_YEAR.gather(public)
    rows = {r["indicator"].pk: r for group in data["groups"] for r in group["rows"]}
    # Last year's own report for publication, made now: what it prints of each count's year.
    last_report = context(northshire, last_year, for_publication=True)
    printed_then = {
        item["indicator"].pk: item
        for _strand, items in INDICATORS.gather(last_report)["groups"]
        for item in items
        if item["indicator"].unit == "count"
    }
    hidden = rows[few.pk]["last"]
    assert public.disclosure.hide_below > 3  # the demo's rule hides a count of 3
    assert hidden["text"] == public.disclosure.small_mark and hidden["value"] is None
    assert hidden["text"] == printed_then[few.pk]["year_actual"]
    assert rows[few.pk]["change"] == "–" and hidden["status"] == "withheld"
    # Every count's last year reads as last year's own report prints it: hidden there, hidden here.
    for pk, item in printed_then.items():
        assert rows[pk]["last"]["text"] in (item["year_actual"], NO_FIGURE), item["indicator"].code

    inside = YEAR_ON_YEAR.gather(context(northshire, this_year))
    (exact,) = [r for group in inside["groups"] for r in group["rows"] if r["indicator"].pk == few.pk]
    assert exact["last"]["text"] == "3"  # inside the partnership, the exact figure
