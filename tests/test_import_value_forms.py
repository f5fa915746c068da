"""Every import reads values as people write them: yes/no, £3,250.00, 80%, and dates as 30/06/2016,
30 June 2016 or 2016-06-30; each says which forms it accepts; an imported indicator can be linked to
its library entry (issue 23, point 6)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplans.models import Action
from aspm.imports import values
from indicators.measurement import services
from indicators.models import Figure, Indicator, Target

from . import measurement_helpers as m

pytestmark = pytest.mark.django_db

DATES = ("30/06/2016", "30 June 2016", "2016-06-30")


def _indicators(side) -> dict[str, Indicator]:
    """A money, a percentage and a yes/no indicator, each reported by the police."""
    made = {}
    for unit, code in (("money", "SPEND"), ("percentage", "SHARE"), ("yes_no", "MOU")):
        made[unit] = services.indicator_create(
            actor=side.coordinator,
            partnership=side.partnership,
            code=code,
            name=f"{unit} measure",
            unit=unit,
            reporting_organisations=[side.police],
        )
    return made


def _import(client, url: str, csv: str):
    """Upload ``csv``, check it and, when every row is valid, confirm; the checked page is returned."""
    page = client.post(url, {"file": SimpleUploadedFile("data.csv", csv.encode("utf-8"))})
    if page.context["result"] and page.context["result"].ok:
        assert client.post(url, {"confirm": "1", "token": page.context["token"]}).status_code == 302
    return page


def _url(side, kind: str) -> str:
    return reverse(f"indicators:import_{kind}", kwargs={"slug": side.slug})


def test_the_figures_import_reads_pounds_percentages_and_yes_or_no(a, login):
    q1 = m.periods(a)["q1"]
    _indicators(a)
    police = a.police.name
    csv = (
        "indicator_code,period,organisation,value\n"
        f'SPEND,{q1.label},{police},"£3,250.00"\nSHARE,{q1.label},{police},80%\nMOU,{q1.label},{police},yes\n'
    )
    page = _import(login(a.coordinator), _url(a, "figures"), csv)
    assert "Every row is valid" in page.content.decode()
    got = dict(Figure.objects.values_list("indicator__code", "value"))
    assert got == {"SPEND": Decimal("3250.00"), "SHARE": Decimal("80"), "MOU": Decimal("1")}


def test_the_targets_import_reads_pounds_percentages_and_yes_or_no(a, login):
    q1 = m.periods(a)["q1"]
    _indicators(a)
    csv = f'indicator_code,period,value\nSPEND,{q1.label},"£3,250.00"\nSHARE,{q1.label},80%\nMOU,{q1.label},No\n'
    page = _import(login(a.coordinator), _url(a, "targets"), csv)
    assert "Every row is valid" in page.content.decode()
    got = dict(Target.objects.values_list("indicator__code", "value"))
    assert got == {"SPEND": Decimal("3250.00"), "SHARE": Decimal("80"), "MOU": Decimal("0")}


def test_the_indicators_import_reads_baselines_in_every_form_and_dates_in_all_three(a, login):
    rows = [
        ("SPEND", "money", '"£3,250.00"', DATES[0]),
        ("SHARE", "percentage", "80%", f'"{DATES[1]}"'),
        ("MOU", "yes_no", "yes", DATES[2]),
    ]
    csv = "code,name,type,unit,direction,frequency,baseline_value,baseline_date,baseline_span\n" + "".join(
        f"{code},{unit} measure,output,{unit},higher,quarterly,{value},{date},year\n"
        for code, unit, value, date in rows
    )
    page = _import(login(a.coordinator), _url(a, "indicators"), csv)
    assert "Every row is valid" in page.content.decode()
    got = {i.code: (i.baseline_value, i.baseline_date) for i in Indicator.objects.all()}
    june = dt.date(2016, 6, 30)
    assert got == {"SPEND": (Decimal("3250"), june), "SHARE": (Decimal("80"), june), "MOU": (Decimal("1"), june)}


def test_the_action_import_reads_due_dates_in_all_three_forms(a, login):
    csv = "title,owner_organisation,due_date\n" + "".join(
        f'Action due {n},{a.police.name},"{date}"\n' for n, date in enumerate(DATES)
    )
    page = _import(login(a.coordinator), reverse("actions:import", kwargs={"slug": a.slug}), csv)
    assert "Every row is valid" in page.content.decode()
    assert set(Action.objects.values_list("due_date", flat=True)) == {dt.date(2016, 6, 30)}


@pytest.mark.parametrize(
    "kind,header,bad,says",
    [
        ("figures", "value", "lots", values.NUMBER_FORMS),
        ("targets", "value", "lots", values.NUMBER_FORMS),
        ("indicators", "baseline_date", "soon", values.DATE_FORMS),
    ],
)
def test_a_value_in_no_accepted_form_is_refused_with_the_forms_that_are_accepted(a, login, kind, header, bad, says):
    q1 = m.periods(a)["q1"]
    _indicators(a)
    rows = {
        "figures": f"indicator_code,period,organisation,value\nSPEND,{q1.label},{a.police.name},{bad}\n",
        "targets": f"indicator_code,period,value\nSPEND,{q1.label},{bad}\n",
        "indicators": "code,name,type,unit,direction,frequency,baseline_date\n"
        f"X-1,X,output,count,higher,quarterly,{bad}\n",
    }
    page = _import(login(a.coordinator), _url(a, kind), rows[kind])
    problems = " ".join(e for r in page.context["result"].bad_rows for e in r.errors)
    assert f"“{bad}”" in problems and says in problems
    assert says in page.content.decode()  # the column's help on the mapping page says it before any error


def test_the_action_import_says_which_date_forms_it_accepts(a, login):
    csv = f"title,owner_organisation,due_date\nBrief the taxi drivers,{a.police.name},someday\n"
    page = _import(login(a.coordinator), reverse("actions:import", kwargs={"slug": a.slug}), csv)
    problems = " ".join(e for r in page.context["result"].bad_rows for e in r.errors)
    assert "“someday” is not a date" in problems and values.DATE_FORMS in problems
    assert not Action.objects.exists()


def test_a_library_code_links_a_new_and_an_existing_imported_indicator_to_its_library_entry(a, login):
    m.referrals(a)
    csv = (
        "code,name,type,unit,direction,frequency,Library code\n"
        "REF-1,Potential victims referred to the NRM,output,count,higher,quarterly,o6-07\n"
        "NEW-1,Potential victims identified,output,count,higher,quarterly,O6-01\n"
    )
    page = _import(login(a.coordinator), _url(a, "indicators"), csv)
    assert page.context["state"].columns["library_code"] == "Library code"
    assert dict(Indicator.objects.values_list("code", "library_code")) == {"REF-1": "O6-07", "NEW-1": "O6-01"}


def test_an_unknown_library_code_is_refused_with_a_message_and_nothing_is_imported(a, login):
    csv = (
        "code,name,type,unit,direction,frequency,library_code\n"
        "NEW-1,Victims found,output,count,higher,quarterly,Z9-99\n"
    )
    page = _import(login(a.coordinator), _url(a, "indicators"), csv)
    assert "“Z9-99” is not an indicator of the library (such as O1-01)" in page.content.decode()
    assert not Indicator.objects.exists()
