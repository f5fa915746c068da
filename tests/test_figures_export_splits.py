"""The figures export carries every split a partnership uses — its own dimensions and its
cross-tabulations, not only sex, age and exploitation type — in the shape the figures import reads
back, so a file exported from one partnership and imported into another gives the same figures."""

from decimal import Decimal

from indicators.measurement import services
from indicators.measurement.exports import export_dataset
from indicators.measurement.imports import run_rows
from indicators.models import Figure

from . import dimension_helpers as d
from . import measurement_helpers as m

SEX = {"female": 12, "male": 18}


def _recorded(side):
    return services.figure_record(
        actor=side.coordinator,
        indicator=d.identified(side),
        period=m.periods(side)["q1"],
        organisation=side.police,
        value="30",
        breakdown={"nationality*sex": d.CELLS, "sex": SEX},
    )


def test_the_export_has_a_column_per_nationality_and_a_row_per_cross_tab_cell(a):
    _recorded(a)
    dataset = export_dataset(a.partnership, "figures")
    rows = [dict(zip(dataset.headers, row, strict=True)) for row in dataset]
    total = next(r for r in rows if not r["nationality"] and not r["sex"])
    assert Decimal(str(total["value"])) == 30
    assert total["nationality.albanian"] == 12 and total["sex.female"] == 12
    cells = {(r["nationality"], r["sex"]): r["value"] for r in rows if r["nationality"]}
    assert cells[("Albanian", "Female")] == 3
    assert len(cells) == len(d.CELLS)


def test_a_figure_exported_with_its_cross_tab_imports_into_another_partnership_whole(a, b):
    original = _recorded(a)
    d.identified(b)
    m.periods(b)
    dataset = export_dataset(a.partnership, "figures")
    rows = []
    for number, row in enumerate(dataset, start=2):
        values = dict(zip(dataset.headers, ("" if v is None else str(v) for v in row), strict=True))
        values["organisation"] = b.police.name if values["organisation"] == a.police.name else values["organisation"]
        rows.append((number, values))
    outcome = run_rows(actor=b.coordinator, partnership=b.partnership, kind="figures", rows=rows, dry_run=False)
    assert outcome.ok, [r.errors for r in outcome.bad_rows]
    copied = Figure.objects.get(partnership=b.partnership, indicator__code="VIC-1")
    assert copied.value == original.value
    assert copied.breakdown == original.breakdown
