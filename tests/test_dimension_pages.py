"""The dimensions page, the indicator page's split and cross-tab, and the figures import of a
partnership's own dimensions and cross-tab cells."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from indicators.measurement import services
from indicators.models import Dimension, Figure

from . import dimension_helpers as d
from . import measurement_helpers as m
from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db


def _xlsx(headers, rows) -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("figures.xlsx", out.getvalue())


def _record_cross_tab(side):
    return services.figure_record(
        actor=side.coordinator,
        indicator=d.identified(side),
        period=m.periods(side)["q1"],
        organisation=side.police,
        value="30",
        breakdown={"nationality*sex": d.CELLS},
    )


def test_the_indicator_page_says_what_it_is_split_by_and_shows_the_cross_tab(a, login):
    _record_cross_tab(a)
    page = login(a.viewer).get(reverse("indicators:detail", kwargs={"slug": a.slug, "pk": d.identified(a).pk}))
    text = page.content.decode()
    assert page.context["split_labels"] == ["Nationality", "Sex", "Nationality × Sex"]
    assert "Not split" not in text
    (table,) = page.context["page"].crosstabs
    assert table["columns"] == ["Female", "Male"]
    albanian = next(row for row in table["rows"] if row[0] == "Albanian")
    assert [c.text for c in albanian[1]] == ["3", "9"] and albanian[2].text == "12"
    assert [c.text for c in table["column_totals"]] == ["12", "18"] and table["total"].text == "30"


def test_an_indicator_with_a_built_in_split_is_not_said_to_be_not_split(a, login):
    page = login(a.viewer).get(reverse("indicators:detail", kwargs={"slug": a.slug, "pk": m.referrals(a).pk}))
    assert page.context["split_labels"] == ["Age group", "Sex"]


def test_the_coordinator_adds_a_dimension_on_the_page_and_lists_it(a, login):
    client = login(a.coordinator)
    response = client.post(
        reverse("indicators:dimension_create", kwargs={"slug": a.slug}),
        {"name": "Referral route", "categories": "Police\nLocal authority\nSelf-referral"},
    )
    dimension = Dimension.objects.get(partnership=a.partnership, key="referral_route")
    assert response.status_code == 302
    listing = client.get(reverse("indicators:dimensions", kwargs={"slug": a.slug})).content.decode()
    assert "Referral route" in listing and "Self-referral" in listing and "referral_route" in listing
    assert dimension.categories.count() == 3


def test_the_indicator_form_makes_a_cross_tab_from_its_three_choices(a, login):
    d.nationality(a)
    response = login(a.coordinator).post(
        reverse("indicators:create", kwargs={"slug": a.slug}),
        {
            "code": "VIC-2",
            "name": "Adults identified",
            "type": "output",
            "unit": "count",
            "direction": "higher",
            "frequency": "quarterly",
            "crosstab_1": "nationality",
            "crosstab_2": "sex",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    from indicators.models import Indicator

    assert Indicator.objects.get(code="VIC-2").disaggregation == ["nationality", "sex", "nationality*sex"]


def test_cross_tab_cells_import_one_row_per_cell_with_a_column_per_dimension(a, login):
    q1 = m.periods(a)["q1"]
    d.identified(a)
    rows = [["VIC-1", q1.label, a.police.name, n, *cell.split("*")] for cell, n in d.CELLS.items()]
    rows[0][3:] = [rows[0][3], "British", "Female"]  # labels in any case, or keys
    client = login(a.coordinator)
    url = reverse("indicators:import_figures", kwargs={"slug": a.slug})
    page = client.post(
        url, {"file": _xlsx(["indicator_code", "period", "organisation", "value", "nationality", "sex"], rows)}
    )
    assert page.context["result"].ok, [r.errors for r in page.context["result"].rows]
    client.post(url, {"confirm": "1", "token": page.context["token"]})
    figure = Figure.objects.get()
    assert figure.value == 30
    assert figure.breakdown["nationality*sex"] == d.CELLS
    assert figure.breakdown["sex"] == {"female": 12, "male": 18}


def test_imported_cells_that_do_not_add_up_to_the_total_row_are_refused_naming_it(a, login):
    q1 = m.periods(a)["q1"]
    d.identified(a)
    rows = [["VIC-1", q1.label, a.police.name, 31, "", ""]]
    rows += [["VIC-1", q1.label, a.police.name, n, *cell.split("*")] for cell, n in d.CELLS.items()]
    url = reverse("indicators:import_figures", kwargs={"slug": a.slug})
    page = login(a.coordinator).post(
        url, {"file": _xlsx(["indicator_code", "period", "organisation", "value", "nationality", "sex"], rows)}
    )
    assert "The Nationality × Sex cells add up to 30, but the total is 31." in page.content.decode()
    assert not Figure.objects.exists()


def test_a_custom_dimension_imports_in_its_own_columns_too(a, login):
    q1 = m.periods(a)["q1"]
    d.identified(a)
    headers = ["indicator_code", "period", "organisation", "value", "nationality.british", "nationality.albanian"]
    url = reverse("indicators:import_figures", kwargs={"slug": a.slug})
    client = login(a.coordinator)
    page = client.post(url, {"file": _xlsx(headers, [["VIC-1", q1.label, a.police.name, 5, 2, 3]])})
    client.post(url, {"confirm": "1", "token": page.context["token"]})
    assert Figure.objects.get().breakdown == {"nationality": {"british": 2, "albanian": 3}}


def test_the_dimensions_page_reads_the_same_number_of_queries_for_few_and_many_dimensions(a, login):
    client = login(a.coordinator)
    made = []

    def grow(n):
        for _ in range(n):
            made.append(
                services.dimension_create(
                    actor=a.coordinator,
                    partnership=a.partnership,
                    name=f"Dimension {len(made) + 1}",
                    categories=["One", "Two", "Three"],
                )
            )
            services.indicator_create(
                actor=a.coordinator,
                partnership=a.partnership,
                code=f"D-{len(made)}",
                name="Split",
                disaggregation=[f"{made[-1].key}*sex"],
            )

    url = reverse("indicators:dimensions", kwargs={"slug": a.slug})
    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=12)


def test_the_indicator_page_with_cross_tabs_reads_the_same_number_of_queries_for_few_and_many_figures(a, login):
    p, indicator = m.periods(a), d.identified(a)
    client = login(a.viewer)
    periods = [p["q1"]]
    organisations = [a.police, a.charity]
    done = []

    def grow(n):
        for _ in range(n):
            k = len(done)
            period = m.ReportingPeriod.objects.filter(partnership=a.partnership, kind="month").order_by("start")[k % 3]
            if period.status != "open":
                services.period_open(actor=a.coordinator, period=period)
            services.figure_record(
                actor=a.coordinator,
                indicator=indicator,
                period=period if k >= 2 else periods[0],
                organisation=organisations[k % 2],
                value="30",
                breakdown={"nationality*sex": d.CELLS},
            )
            done.append(k)

    url = reverse("indicators:detail", kwargs={"slug": a.slug, "pk": indicator.pk})
    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=40, small=2, big=4)
