"""The figures export for publication: partnership figures only, small counts of people protected by the
disclosure engine (proved with the independent solver), the policy printed, 'published' in the file name;
the internal export stays exact, a row per organisation."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from aspm.disclosure import policy as rules
from indicators.models import Indicator
from partnerships import services
from reports.published_figures import SECONDARY_NOTE, SMALL_NOTE, published_dataset

from .annual_plan import load_plan
from .disclosure_capture import captured_systems, exposed
from .test_annual_content import quarters, record, this_year

pytestmark = pytest.mark.django_db


def _url(side, **params):
    query = "&".join(f"{k}={v}" for k, v in ({"format": "csv"} | params).items())
    return reverse("indicators:export_figures", kwargs={"slug": side.slug}) + "?" + query


def _published(client, side, fmt="csv"):
    """The figures for publication, as the results page's button asks for them."""
    url = reverse("indicators:export_figures", kwargs={"slug": side.slug})
    return client.post(url, {"for": "publication", "format": fmt})


def _rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def small_counts(a):
    """Q1 4 (police 2 split female 1 and male 1, charity 2), Q2 9, Q3 4: year 17. Shown as they are,
    Q1 and Q3 are "<5" and the year minus Q2 gives Q1 + Q3 = 8, so each is 4: more must be withheld."""
    load_plan(a.partnership, this_year(a).start, objectives=1)
    indicator = Indicator.objects.get(partnership=a.partnership, code="OBJ1-01")
    q1, q2, q3 = quarters(a)[:3]
    record(a, indicator, q1, a.police, 2, {"sex": {"female": 1, "male": 1}})
    record(a, indicator, q1, a.charity, 2)
    record(a, indicator, q2, a.police, 9)
    record(a, indicator, q3, a.police, 4)
    return indicator


def test_a_published_export_hides_small_counts_so_that_none_can_be_narrowed(a, login, small_counts):
    with captured_systems() as systems:
        response = _published(login(a.viewer), a)
    assert response.status_code == 200
    rows = [r for r in _rows(response) if r["indicator_code"] == "OBJ1-01"]
    by_period = {(r["period"], r["group"]): r for r in rows}
    year = this_year(a).label
    assert by_period[(f"{year} Q1", "")]["value"] in ("<5", "[c]")
    assert by_period[(f"{year} Q3", "")]["value"] in ("<5", "[c]")
    hidden = [r for r in rows if r["value"] in ("<5", "[c]")]
    assert len(hidden) >= 3  # the two small quarters and at least one more figure withheld
    assert all(r["note"] in (SMALL_NOTE, SECONDARY_NOTE) for r in hidden)
    assert by_period[(year, "Sex: Female")]["value"] in ("<5", "[c]")
    # Proved with the solver that shares no code with the engine: every hidden figure keeps 4 values.
    assert systems and all(not exposed(*system) for system in systems)
    assert any(any(c.suppressed for c in cells) for _f, _p, cells in systems)


def test_a_published_export_has_partnership_figures_only_and_says_so_in_its_name(a, login, small_counts):
    response = _published(login(a.viewer), a)
    assert 'filename="northvale-figures-published.csv"' in response["Content-Disposition"]
    body = response.content.decode("utf-8-sig")
    assert "Northvale Police" not in body and "organisation" not in _rows(response)[0]
    assert a.spoc_police.full_name not in body


def test_a_published_export_prints_the_policy_used(a, login, small_counts):
    services.disclosure_policy_update(
        actor=a.coordinator, partnership=a.partnership, method=rules.NHS, threshold=5, reason="Health partners"
    )
    rows = _rows(_published(login(a.viewer), a))
    assert rows[0]["note"] == rules.Policy(rules.NHS).summary
    assert "figures for publication" in rows[0]["indicator"]
    ours = [r for r in rows if r["indicator_code"] == "OBJ1-01"]
    assert {r["value"] for r in ours if r["period"].endswith(("Q1", "Q3"))} <= {"*", "[c]"}
    assert {r["value"] for r in ours if r["period"].endswith("Q2")} == {"10"}  # 9 rounded to 5


def test_the_internal_export_stays_exact_with_a_row_per_organisation(a, login, small_counts):
    response = login(a.viewer).get(_url(a))
    assert 'filename="northvale-figures.csv"' in response["Content-Disposition"]
    rows = [r for r in _rows(response) if r["indicator_code"] == "OBJ1-01"]
    charity = a.charity.name
    assert sorted((r["organisation"], r["value"]) for r in rows) == sorted(
        [("Northvale Police", "2.00"), (charity, "2.00"), ("Northvale Police", "9.00"), ("Northvale Police", "4.00")]
    )
    assert rows[0]["sex.female"] in ("1", "")


def test_the_published_xlsx_is_a_workbook(a, login, small_counts):
    response = _published(login(a.viewer), a, "xlsx")
    assert response.content[:2] == b"PK"
    assert 'filename="northvale-figures-published.xlsx"' in response["Content-Disposition"]


def test_percentages_scores_and_money_are_not_suppressed_only_counts(a, small_counts):
    dataset = published_dataset(a.partnership)
    units = {row[2] for row in dataset if row[0]}
    assert units  # the plan's indicators are all there, whatever their unit
    for row in dataset:
        if row[0] and row[2] != "Count":
            assert row[5] not in ("<5", "[c]")


def test_the_results_page_offers_the_published_download(a, login, small_counts):
    page = login(a.viewer).get(reverse("indicators:results", kwargs={"slug": a.slug})).content.decode()
    assert 'name="for" value="publication"' in page and 'method="post"' in page


def test_an_old_link_to_the_published_download_leads_to_the_button_and_records_nothing(a, login, small_counts):
    from reports.models import PublishedFigure

    response = login(a.viewer).get(_url(a, **{"for": "publication"}))
    assert response.status_code == 302
    assert response["Location"] == reverse("indicators:results", kwargs={"slug": a.slug})
    assert not PublishedFigure.objects.exists()
