"""The seed guide's Scottish measures table and pre-NRM results chain go into ASPM from their own layouts
through the mapping page: no column added, nothing retyped; what the file does not say (the indicator, the
year, the agency) is typed once on the page for every row."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indicators.measurement.import_kinds import CELLS, import_kind
from indicators.models import ChainLevel, Figure, Objective

from .seed_tables import PRE_NRM, SCOTTISH_ROWS, SCOTTISH_TOTAL, scottish_measures, victims_identified, workbook

pytestmark = pytest.mark.django_db


def _chosen(page) -> dict[str, str]:
    """The columns the mapping page has chosen, as its form would post them back."""
    return {
        f"column-{f.name}": chosen for section in page.context["sections"] for f, chosen, _ in section["rows"] if chosen
    }


def _map(client, url, page, **changes):
    sheets = [s.name for s in page.context["state"].sheets]
    return client.post(url, {"map": "1", "token": page.context["token"], "sheet": sheets, **_chosen(page), **changes})


def _scottish(client, side, rows=SCOTTISH_ROWS):
    url = reverse("indicators:import_figures", kwargs={"slug": side.slug})
    page = client.post(
        url, {"file": SimpleUploadedFile("scotland.xlsx", workbook({"Measures": scottish_measures(rows)}))}
    )
    once = {"once-indicator_code": "VIC-SCOT", "once-period": "2017/18", "once-organisation": side.police.name}
    return url, _map(client, url, page, **{"column-exploitation_type": "Type"}, **once)


def test_the_scottish_measures_table_goes_in_as_one_figure_split_by_type_and_by_type_sex_and_age(a, login):
    victims_identified(a)
    client = login(a.coordinator)
    url = reverse("indicators:import_figures", kwargs={"slug": a.slug})
    first = client.post(url, {"file": SimpleUploadedFile("s.xlsx", workbook({"Measures": scottish_measures()}))})
    assert first.context["state"].sheets[0].header_line == 4
    assert _chosen(first) == {
        "column-value": "Total",
        "column-sex*age_group.male*adult": "Male adult",
        "column-sex*age_group.female*adult": "Female adult",
        "column-sex*age_group.male*child": "Male minor",
        "column-sex*age_group.female*child": "Female minor",
    }
    assert {f.name for f in first.context["missing"]} == {"indicator_code", "period", "organisation"}

    url, page = _scottish(client, a)
    assert "Every row is valid: all 3 rows are valid" in page.content.decode()
    assert page.context["result"].rows[1].label == f"VIC-SCOT · 2017/18 · {a.police.name} · Labour exploitation"
    assert client.post(url, {"confirm": "1", "token": page.context["token"]}).status_code == 302
    figure = Figure.objects.get(indicator__code="VIC-SCOT", period__label="2017/18", organisation=a.police)
    assert figure.value == SCOTTISH_TOTAL
    assert figure.breakdown["exploitation_type"] == {"domestic_servitude": 9, "labour": 127, "sexual": 55}
    cells = figure.breakdown["exploitation_type*sex*age_group"]
    assert (cells["labour*male*adult"], cells["sexual*female*adult"], cells["domestic_servitude*female*child"]) == (
        77,
        43,
        3,
    )


def test_a_type_whose_cells_do_not_add_up_to_its_total_is_shown_and_nothing_is_written(a, login):
    victims_identified(a)
    client = login(a.coordinator)
    rows = [SCOTTISH_ROWS[0], [*SCOTTISH_ROWS[1][:5], 128], SCOTTISH_ROWS[2]]
    _, page = _scottish(client, a, rows)
    assert [(r.where, r.errors) for r in page.context["result"].bad_rows] == [
        ("Row 6", ["The cells by sex × age group add up to 127, but the row's value is 128."])
    ]
    assert not Figure.objects.exists()


def test_the_pre_nrm_results_chain_goes_in_as_an_objective_per_desired_outcome(a, login):
    client = login(a.coordinator)
    url = reverse("strategy:objectives_import", kwargs={"slug": a.slug})
    page = client.post(url, {"file": SimpleUploadedFile("pre-nrm.xlsx", workbook({"Results": PRE_NRM}))})
    assert _chosen(page) == {
        "column-outcomes": "Desired outcomes",
        "column-outputs": "Output goals",
        "column-measures": "Key performance indicators",
    }
    assert "Every row is valid: all 3 rows are valid" in page.content.decode()
    assert client.post(url, {"confirm": "1", "token": page.context["token"]}).status_code == 302

    supported = Objective.objects.get(
        partnership=a.partnership, title="Potential victims feel supported while they decide whether to enter the NRM"
    )
    assert list(supported.chain_entries.filter(level=ChainLevel.OUTPUT).values_list("description", flat=True)) == [
        "6 service users in all",
        "At least 2 safe places to stay found",
        "At least 5 volunteers",
    ]
    assert "- Safe accommodation found" in supported.description
    rights = Objective.objects.get(partnership=a.partnership, title__startswith="Better understanding")
    assert rights.chain_entries.filter(level=ChainLevel.OUTCOME).count() == 2
    assert Objective.objects.filter(partnership=a.partnership).count() == 3


def test_columns_for_a_cross_tabs_cells_are_offered_only_where_an_indicator_has_one(a, b):
    victims_identified(a)
    cells = {f.name for f in import_kind("figures", a.partnership).fields if f.section == CELLS}
    assert len(cells) == 5 * 3 + 5 * 3 + 3 * 3  # type × sex, type × age group, sex × age group
    assert "sex*age_group.female*child" in cells
    assert not [f for f in import_kind("figures", b.partnership).fields if f.section == CELLS]
