"""Validation rules where figures arrive and where coordinators write them: the figures service
(the page, imports, the API), the quarterly return (shown beside the figures; a "must hold" rule
stops submission, not a draft), the rules pages and services, and the library's suggested rules."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import Workbook

from indicators.measurement import imports, services
from indicators.models import Figure, Indicator, ValidationRule
from partnerships.models import AuditEvent
from reports.models import Return, ReturnStatus
from reports.returns import services as returns

from . import measurement_helpers as m
from . import rules_helpers as r
from .api_helpers import ApiClient, token_for
from .returns_cast import NARRATIVE

pytestmark = pytest.mark.django_db


def _record(side, indicator, value, organisation=None):
    return services.figure_record(
        actor=side.coordinator,
        indicator=indicator,
        period=m.periods(side)["q1"],
        organisation=organisation or side.police,
        value=value,
    )


def _police_return(side) -> Return:
    r.convictions(side), r.convicted(side)
    return_ = Return.objects.get(organisation=side.police, period=m.periods(side)["q1"])
    returns.figures_sync(actor=None, return_=return_)
    return return_


def _draft(side, return_, convicted, convictions):
    return returns.return_save_draft(
        actor=side.spoc_police,
        return_=return_,
        narrative=NARRATIVE,
        figures={r.convicted(side).pk: {"value": str(convicted)}, r.convictions(side).pk: {"value": str(convictions)}},
    )


# --- the rules service --------------------------------------------------------------------


def test_a_rule_naming_another_partnerships_indicator_is_refused_on_that_side_and_nothing_is_written(a, b):
    before = (ValidationRule.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as refused:
        services.rule_create(
            actor=a.coordinator,
            partnership=a.partnership,
            name="Borrowed",
            left=[r.convicted(a)],
            right=[r.convictions(b)],
        )
    assert list(refused.value.message_dict) == ["right"]
    assert "CONV is not one of this partnership's indicators" in refused.value.message_dict["right"][0]
    assert (ValidationRule.objects.count(), AuditEvent.objects.filter(action__startswith="validationrule").count()) == (
        before[0],
        0,
    )


def test_a_rule_with_the_same_indicator_on_both_sides_is_refused(a):
    with pytest.raises(ValidationError) as refused:
        services.rule_create(
            actor=a.coordinator,
            partnership=a.partnership,
            name="Itself",
            left=[r.convicted(a), r.convictions(a)],
            right=[r.convictions(a)],
        )
    assert refused.value.message_dict["right"] == [
        "CONV is on both sides: a rule compares an indicator with different ones."
    ]
    assert not ValidationRule.objects.exists()


def test_changing_a_rule_to_another_partnerships_indicator_is_refused_and_keeps_the_rule(a, b):
    rule = r.convicted_rule(a)
    with pytest.raises(ValidationError) as refused:
        services.rule_update(actor=a.coordinator, rule=rule, left=[r.convicted(b)])
    assert list(refused.value.message_dict) == ["left"]
    assert list(rule.left.all()) == [r.convicted(a)]


def test_making_a_rule_is_audited_with_its_sides(a):
    rule = r.convicted_rule(a)
    sides = AuditEvent.objects.get(action="validationrule.sides", object_id=str(rule.pk))
    assert sides.changes["left"] == [None, ["INDIV"]] and sides.changes["right"] == [None, ["CONV"]]
    assert AuditEvent.objects.filter(action="validationrule.create", object_id=str(rule.pk)).exists()


# --- the figures service: the page, imports, the API --------------------------------------


def test_a_figure_that_breaks_a_must_hold_rule_is_refused_on_its_value_and_not_written(a):
    r.convicted_rule(a)
    _record(a, r.convictions(a), 8)
    with pytest.raises(ValidationError) as refused:
        _record(a, r.convicted(a), 41)
    message = refused.value.message_dict["value"][0]
    assert "INDIV Individuals convicted of modern slavery offences (41) should be at most CONV" in message
    assert "(8)" in message
    assert not Figure.objects.filter(indicator=r.convicted(a)).exists()


def test_a_coordinators_correction_that_breaks_a_must_hold_rule_is_refused_and_the_figure_kept(a):
    r.convicted_rule(a)
    _record(a, r.convictions(a), 8)
    convicted = _record(a, r.convicted(a), 6)
    with pytest.raises(ValidationError) as refused:
        services.figure_correct(actor=a.coordinator, figure=convicted, value="41", reason="Typed from the wrong sheet")
    assert "should be at most CONV" in refused.value.message_dict["value"][0]
    convicted.refresh_from_db()
    assert convicted.value == 6 and not convicted.corrections.exists()
    services.figure_correct(actor=a.coordinator, figure=convicted, value="7", reason="Recounted")
    convicted.refresh_from_db()
    assert convicted.value == 7


def test_a_figure_is_judged_only_with_the_same_organisation_and_period_and_not_when_the_other_side_is_missing(a):
    r.convicted_rule(a)
    _record(a, r.convicted(a), 41)  # no convictions recorded yet: no judgement
    _record(a, r.convictions(a), 8, organisation=a.charity)  # another organisation
    assert Figure.objects.filter(indicator=r.convicted(a)).count() == 1


def test_a_warning_rule_does_not_stop_a_figure(a):
    r.convicted_rule(a, severity="warning")
    _record(a, r.convictions(a), 8)
    assert _record(a, r.convicted(a), 41).value == 41


def _xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator_code", "period", "organisation", "value"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_import_that_breaks_a_must_hold_rule_lists_the_rows_and_writes_nothing(a):
    r.convicted_rule(a)
    label = m.periods(a)["q1"].label
    content = _xlsx(
        [["CONV", label, a.police.name, 8], ["INDIV", label, a.police.name, 41], ["INDIV", label, a.charity.name, 2]]
    )
    result = imports.run_import(
        actor=a.coordinator, partnership=a.partnership, kind="figures", content=content, dry_run=False
    )
    assert not result.ok
    bad = {row.number: row.errors for row in result.bad_rows}
    assert set(bad) == {2, 3}  # both figures of the police's breach; the charity's row is fine
    assert "should be at most" in bad[3][0] and "must hold" in bad[3][0]
    assert not Figure.objects.exists()


def test_an_import_that_keeps_the_rule_or_breaks_only_a_warning_is_written(a):
    rule = r.convicted_rule(a)
    label = m.periods(a)["q1"].label
    kept = _xlsx([["CONV", label, a.police.name, 8], ["INDIV", label, a.police.name, 6]])
    assert imports.run_import(
        actor=a.coordinator, partnership=a.partnership, kind="figures", content=kept, dry_run=False
    ).ok
    services.rule_update(actor=a.coordinator, rule=rule, severity="warning")
    broken = _xlsx([["INDIV", label, a.police.name, 41]])
    assert imports.run_import(
        actor=a.coordinator, partnership=a.partnership, kind="figures", content=broken, dry_run=False
    ).ok
    assert Figure.objects.get(indicator=r.convicted(a)).value == 41


def _api(side, path):
    return f"/api/v1/p/{side.slug}/{path}"


def test_the_api_answers_400_on_the_value_for_a_must_hold_breach_and_201_for_a_warning(a):
    rule = r.convicted_rule(a)
    _record(a, r.convictions(a), 8)
    api = ApiClient(token_for(a.coordinator))
    body = {"indicator": r.convicted(a).pk, "period": m.periods(a)["q1"].pk, "organisation": a.police.pk, "value": "41"}
    refused = api.post(_api(a, "figures/"), body)
    assert refused.status_code == 400
    assert "should be at most" in refused.json()["errors"]["value"][0]
    services.rule_update(actor=a.coordinator, rule=rule, severity="warning")
    assert api.post(_api(a, "figures/"), body).status_code == 201


def test_changing_a_figure_through_the_api_is_held_to_the_rule_too(a):
    r.convicted_rule(a)
    _record(a, r.convictions(a), 8)
    figure = _record(a, r.convicted(a), 5)
    api = ApiClient(token_for(a.coordinator))
    response = api.patch(_api(a, f"figures/{figure.pk}/"), {"value": "9"})
    assert response.status_code == 400 and "should be at most" in response.json()["errors"]["value"][0]
    figure.refresh_from_db()
    assert figure.value == 5


# --- the quarterly return ----------------------------------------------------------------


def test_a_breach_is_shown_beside_the_figures_of_the_return_after_saving_the_draft(a, login):
    r.convicted_rule(a, severity="warning")
    return_ = _police_return(a)
    _draft(a, return_, convicted=41, convictions=8)  # a draft is saved whatever the rules say
    page = login(a.spoc_police).get(reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": return_.pk}))
    html = page.content.decode()
    rows = {row["figure"].indicator.code: row["breaches"] for row in page.context["figure_rows"]}
    assert len(rows["INDIV"]) == 1 and len(rows["CONV"]) == 1
    assert f'id="f{r.convicted(a).pk}-rules"' in html
    assert "Check:</strong> INDIV Individuals convicted of modern slavery offences (41) should be at most" in html


def test_a_must_hold_breach_stops_the_submission_with_the_reason_in_the_error_summary(a, login):
    r.convicted_rule(a)
    return_ = _police_return(a)
    client = login(a.spoc_police)
    url = reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": return_.pk})
    post = {
        **NARRATIVE,
        f"f{r.convicted(a).pk}-value": "41",
        f"f{r.convictions(a).pk}-value": "8",
        "submit": "1",
    }
    response = client.post(url, post)
    assert response.status_code == 422
    alert = response.content.decode().split('role="alert"', 1)[1].split("</div>", 1)[0]
    assert "should be at most" in alert and "must hold" in alert
    return_.refresh_from_db()
    assert return_.status == ReturnStatus.DRAFT
    saved = {f.indicator.code: f.value for f in return_.figures.select_related("indicator")}
    assert saved == {"CONV": 8, "INDIV": 41}  # the draft is kept
    assert "Must hold:</strong>" in client.get(url).content.decode()


def test_a_warning_does_not_stop_the_submission(a):
    r.convicted_rule(a, severity="warning")
    return_ = _police_return(a)
    _draft(a, return_, convicted=41, convictions=8)
    returns.return_submit(actor=a.spoc_police, return_=return_)
    return_.refresh_from_db()
    assert return_.status == ReturnStatus.SUBMITTED


def test_a_return_that_keeps_the_must_hold_rule_is_submitted_and_its_figures_recorded_on_approval(a):
    r.convicted_rule(a)
    return_ = _police_return(a)
    _draft(a, return_, convicted=6, convictions=8)
    returns.return_submit(actor=a.spoc_police, return_=return_)
    returns.return_approve(actor=a.coordinator, return_=return_)
    assert Figure.objects.get(indicator=r.convicted(a), organisation=a.police).value == 6


def test_approval_recording_both_figures_at_once_is_not_refused_by_the_old_recorded_ones(a):
    # Recorded before: 40 individuals, 50 convictions. The return lowers both (20 ≤ 30): recording
    # the convictions first must not be judged against the old 40 individuals.
    r.convicted_rule(a)
    _record(a, r.convictions(a), 50)
    _record(a, r.convicted(a), 40)
    return_ = _police_return(a)
    _draft(a, return_, convicted=20, convictions=30)
    returns.return_submit(actor=a.spoc_police, return_=return_)
    returns.return_approve(actor=a.coordinator, return_=return_)
    values = dict(Figure.objects.filter(organisation=a.police).values_list("indicator__code", "value"))
    assert values == {"CONV": 30, "INDIV": 20}


def test_a_rule_made_after_submission_stops_the_approval(a):
    return_ = _police_return(a)
    _draft(a, return_, convicted=41, convictions=8)
    returns.return_submit(actor=a.spoc_police, return_=return_)
    r.convicted_rule(a)
    with pytest.raises(ValidationError, match="return it to the organisation"):
        returns.return_approve(actor=a.coordinator, return_=return_)
    assert not Figure.objects.filter(organisation=a.police).exists()


def test_the_api_submission_of_a_return_that_breaks_a_must_hold_rule_is_a_400_but_its_draft_is_saved(a):
    r.convicted_rule(a)
    return_ = _police_return(a)
    api = ApiClient(token_for(a.spoc_police))
    figures = [{"indicator": r.convicted(a).pk, "value": "41"}, {"indicator": r.convictions(a).pk, "value": "8"}]
    saved = api.patch(_api(a, f"returns/{return_.pk}/"), {**NARRATIVE, "figures": figures})
    assert saved.status_code == 200
    submitted = api.post(_api(a, f"returns/{return_.pk}/submit/"))
    assert submitted.status_code == 400 and "should be at most" in submitted.json()["detail"]
    return_.refresh_from_db()
    assert return_.status == ReturnStatus.DRAFT


# --- the pages ----------------------------------------------------------------------------


def test_a_coordinator_adds_a_rule_on_its_page_and_everyone_who_can_view_sees_it_listed(a, login):
    url = reverse("indicators:rule_create", kwargs={"slug": a.slug})
    post = {
        "name": "Individuals convicted ≤ convictions",
        "kind": "compare",
        "left": [r.convicted(a).pk],
        "operator": "le",
        "right": [r.convictions(a).pk],
        "severity": "must_hold",
        "is_active": "on",
    }
    assert login(a.coordinator).post(url, post).status_code == 302
    rule = ValidationRule.objects.get(partnership=a.partnership)
    assert (rule.must_hold, list(rule.left.all()), list(rule.right.all())) == (
        True,
        [r.convicted(a)],
        [r.convictions(a)],
    )
    listed = login(a.viewer).get(reverse("indicators:rules", kwargs={"slug": a.slug})).content.decode()
    assert "INDIV ≤ CONV" in listed and "Must hold" in listed
    assert reverse("indicators:rule_report", kwargs={"slug": a.slug}) in listed


def test_the_rule_form_names_the_field_in_its_error_summary_and_saves_nothing(a, login):
    url = reverse("indicators:rule_create", kwargs={"slug": a.slug})
    post = {
        "name": "Itself",
        "kind": "compare",
        "left": [r.convicted(a).pk],
        "operator": "le",
        "right": [r.convicted(a).pk],
        "severity": "warning",
    }
    page = login(a.coordinator).post(url, post)
    html = page.content.decode()
    assert page.status_code == 422 and "<title>Error: " in html
    summary = html.split('class="alert alert-danger error-summary"', 1)[1].split("</div>", 1)[0]
    assert 'href="#id_right"' in summary and "INDIV is on both sides" in summary
    assert not ValidationRule.objects.exists()


def test_the_rules_report_lists_each_breach_by_period_and_organisation_and_for_the_partnership(a, login):
    _record(a, r.convictions(a), 8)
    _record(a, r.convicted(a), 41)  # recorded before the rule was made
    _record(a, r.convictions(a), 5, organisation=a.charity)
    _record(a, r.convicted(a), 2, organisation=a.charity)
    r.convicted_rule(a)
    page = login(a.viewer).get(reverse("indicators:rule_report", kwargs={"slug": a.slug}))
    breaches = page.context["breaches"]
    label = m.periods(a)["q1"].label
    assert [(b.period, b.organisation, b.left, b.right) for b in breaches] == [
        (label, "Northvale Police", 41, 8),
        (label, "", 43, 13),
    ]
    html = page.content.decode()
    assert "The partnership as a whole" in html and "2 breaches" in html and "2 of a rule that must hold" in html


def _grow(side, n_rules: int, quarters: int):
    """``n_rules`` rules between fresh indicators, with breaking figures for two organisations in each of
    ``quarters`` quarters (recorded before the rules)."""
    p = m.periods(side)
    periods = [p["q1"], p["q2"], p["q3"]][:quarters]
    for period in periods[1:]:
        services.period_open(actor=side.coordinator, period=period)
    pairs = []
    for i in range(n_rules):
        left = r.count_indicator(side, f"L-{i}", f"Left {i}")
        right = r.count_indicator(side, f"R-{i}", f"Right {i}")
        pairs.append((left, right))
        for period in periods:
            for organisation in (side.police, side.charity):
                for indicator, value in ((left, 9), (right, 1)):
                    services.figure_record(
                        actor=side.coordinator,
                        indicator=indicator,
                        period=period,
                        organisation=organisation,
                        value=value,
                    )
    for i, (left, right) in enumerate(pairs):
        services.rule_create(
            actor=side.coordinator, partnership=side.partnership, name=f"Rule {i}", left=[left], right=[right]
        )


def test_the_rules_report_takes_the_same_queries_for_1_rule_in_1_quarter_or_6_rules_in_3(
    a, b, login, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _grow(a, 1, 1)
    client = login(a.viewer)
    url = reverse("indicators:rule_report", kwargs={"slug": a.slug})
    with CaptureQueriesContext(connection) as small:
        assert len(client.get(url).context["breaches"]) == 3
    _grow(b, 6, 3)
    client = login(b.viewer)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("indicators:rule_report", kwargs={"slug": b.slug}))
    assert len(response.context["breaches"]) == 6 * 3 * 3


# --- the library's suggested rules --------------------------------------------------------


def test_adopting_both_library_indicators_adds_their_suggested_rule_once(a):
    services.library_adopt(actor=a.coordinator, partnership=a.partnership, codes=["O5-02"])
    assert not ValidationRule.objects.exists()  # one indicator is not enough
    services.library_adopt(actor=a.coordinator, partnership=a.partnership, codes=["O5-03"])
    rule = ValidationRule.objects.get(partnership=a.partnership)
    assert (rule.library_code, rule.must_hold) == ("R01", True)
    assert [i.library_code for i in rule.left.all()] == ["O5-03"] and [i.library_code for i in rule.right.all()] == [
        "O5-02"
    ]
    assert services.library_rules_adopt(actor=a.coordinator, partnership=a.partnership) == []


def test_a_deleted_suggested_rule_comes_back_only_with_the_button(a, login):
    services.library_adopt(actor=a.coordinator, partnership=a.partnership, codes=["O5-02", "O5-03"])
    services.rule_delete(actor=a.coordinator, rule=ValidationRule.objects.get(library_code="R01"))
    services.library_adopt(actor=a.coordinator, partnership=a.partnership, codes=["O6-01"])
    assert not ValidationRule.objects.exists()
    login(a.coordinator).post(reverse("indicators:rules_suggested", kwargs={"slug": a.slug}))
    assert list(ValidationRule.objects.values_list("library_code", flat=True)) == ["R01"]


def test_every_suggested_rule_names_library_count_indicators_on_distinct_sides():
    from indicators.library_data import LIBRARY_INDICATORS
    from indicators.library_rules import LIBRARY_RULES

    units = {i["code"]: i["unit"] for i in LIBRARY_INDICATORS}
    for rule in LIBRARY_RULES:
        assert {units[c] for c in rule["left"] + rule["right"]} == {"count"}, rule["code"]
        assert not set(rule["left"]) & set(rule["right"]), rule["code"]
    assert len({rule["code"] for rule in LIBRARY_RULES}) == len(LIBRARY_RULES)


def test_a_library_indicator_left_in_place_keeps_its_rule_when_another_is_adopted(a):
    services.library_adopt(actor=a.coordinator, partnership=a.partnership, codes=["O5-02", "O5-03"])
    services.library_adopt(actor=a.coordinator, partnership=a.partnership, codes=["O6-01"])
    assert ValidationRule.objects.count() == 1
    assert Indicator.objects.filter(partnership=a.partnership).count() == 3


def test_the_api_lists_the_partnerships_rules_read_only_and_not_another_partnerships(a, b):
    rule = r.convicted_rule(a)
    r.convicted_rule(b)
    api = ApiClient(token_for(a.viewer))
    body = api.get(_api(a, "validation-rules/")).json()
    assert [(x["id"], x["statement"], x["severity"], x["left"], x["right"]) for x in body["results"]] == [
        (rule.pk, "INDIV ≤ CONV", "must_hold", [r.convicted(a).pk], [r.convictions(a).pk])
    ]
    assert api.get(_api(a, f"validation-rules/{r.convicted_rule(b).pk}/")).status_code == 404
    assert ApiClient(token_for(a.coordinator)).post(_api(a, "validation-rules/"), {}).status_code == 405


def test_the_coordinator_reviewing_a_submitted_return_sees_its_warnings(a, login):
    r.convicted_rule(a, severity="warning")
    return_ = _police_return(a)
    _draft(a, return_, convicted=41, convictions=8)
    returns.return_submit(actor=a.spoc_police, return_=return_)
    page = login(a.coordinator).get(reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": return_.pk}))
    box = page.content.decode().split('id="rule-breaches"', 1)[1].split("</div>", 1)[0]
    assert "Check:</strong> INDIV Individuals convicted of modern slavery offences (41) should be at most" in box
