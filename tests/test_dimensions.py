"""A partnership's own dimensions (nationality…) and cross-tabulations: they must add up, and a
figure that does not is refused with the row that does not add up named; nothing is written."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from indicators.measurement import services
from indicators.models import Dimension, DimensionCategory, Figure
from partnerships.models import AuditEvent

from . import dimension_helpers as d
from . import measurement_helpers as m


def _record(side, **kwargs):
    return services.figure_record(
        actor=side.coordinator,
        indicator=d.identified(side),
        period=m.periods(side)["q1"],
        organisation=side.police,
        **kwargs,
    )


def test_coordinator_adds_nationality_with_its_categories_and_it_is_audited(a):
    dimension = d.nationality(a)
    assert dimension.key == "nationality"
    labels = list(DimensionCategory.objects.filter(dimension=dimension).values_list("label", flat=True))
    assert labels == ["British", "Albanian", "Vietnamese", "Unknown"]
    assert AuditEvent.objects.filter(partnership=a.partnership, action="dimension.create").exists()


def test_a_built_in_dimension_cannot_be_added_again(a):
    with pytest.raises(ValidationError) as refused:
        services.dimension_create(actor=a.coordinator, partnership=a.partnership, name="Sex")
    assert "built in" in str(refused.value)


def test_an_indicator_split_by_a_cross_tab_is_split_by_each_of_its_dimensions_too(a):
    assert d.identified(a).disaggregation == ["nationality", "sex", "nationality*sex"]


def test_a_cross_tab_of_four_dimensions_is_refused(a):
    d.nationality(a)
    with pytest.raises(ValidationError) as refused:
        services.indicator_create(
            actor=a.coordinator,
            partnership=a.partnership,
            code="X-4",
            name="Four ways",
            disaggregation=["nationality*sex*age_group*exploitation_type"],
        )
    assert "at most 3" in str(refused.value)


def test_northvale_cannot_split_by_southmoors_nationality(a, b):
    d.nationality(b)
    with pytest.raises(ValidationError) as refused:
        services.indicator_create(
            actor=a.coordinator, partnership=a.partnership, code="X-1", name="Elsewhere", disaggregation=["nationality"]
        )
    assert "Unknown split: nationality" in str(refused.value)


def test_a_nationality_by_sex_cross_tab_that_adds_up_is_recorded_with_its_margins(a):
    figure = _record(a, value="30", breakdown={"nationality*sex": d.CELLS, "sex": {"female": 12, "male": 18}})
    assert figure.breakdown["nationality*sex"]["albanian*female"] == 3
    assert figure.breakdown["sex"] == {"female": 12, "male": 18}
    assert figure.breakdown["nationality"] == {"british": 10, "albanian": 12, "vietnamese": 8}


def test_cells_that_do_not_add_up_to_the_total_are_refused_and_nothing_is_written(a):
    with pytest.raises(ValidationError) as refused:
        _record(a, value="31", breakdown={"nationality*sex": d.CELLS})
    assert "The Nationality × Sex cells add up to 30, but the total is 31." in str(refused.value)
    assert not Figure.objects.exists()


def test_cells_that_disagree_with_the_sex_split_name_the_column_that_does_not_add_up(a):
    with pytest.raises(ValidationError) as refused:
        _record(a, value="30", breakdown={"nationality*sex": d.CELLS, "sex": {"female": 13, "male": 17}})
    message = str(refused.value)
    assert "the cells for Sex “Female” add up to 12, but the sex split says 13" in message
    assert not Figure.objects.exists()


def test_cells_that_disagree_with_the_nationality_split_name_the_row(a):
    with pytest.raises(ValidationError) as refused:
        _record(
            a,
            value="30",
            breakdown={"nationality*sex": d.CELLS, "nationality": {"british": 11, "albanian": 11, "vietnamese": 8}},
        )
    assert "the cells for Nationality “Albanian” add up to 12, but the nationality split says 11" in str(refused.value)
    assert not Figure.objects.exists()


def test_a_cell_of_an_unknown_group_is_refused(a):
    with pytest.raises(ValidationError) as refused:
        _record(a, value="1", breakdown={"nationality*sex": {"martian*female": 1}})
    assert "“martian” is not a group of Nationality" in str(refused.value)


def test_renaming_a_category_keeps_its_key_so_recorded_splits_keep_their_meaning(a):
    _record(a, value="30", breakdown={"nationality*sex": d.CELLS})
    category = DimensionCategory.objects.get(partnership=a.partnership, key="albanian")
    services.category_update(actor=a.coordinator, category=category, label="Albanian national")
    assert DimensionCategory.objects.get(pk=category.pk).key == "albanian"
    with pytest.raises(ValidationError):  # in use: removing it would orphan recorded cells
        services.category_delete(actor=a.coordinator, category=category)


def test_a_dimension_put_out_of_use_is_no_longer_offered_for_new_indicators(a):
    from indicators.measurement.dimensions import dimensions_of

    dimension = d.nationality(a)
    services.dimension_update(actor=a.coordinator, dimension=dimension, name="Nationality", is_active=False)
    assert "nationality" not in dimensions_of(a.partnership, active_only=True)
    assert Dimension.objects.get(pk=dimension.pk).is_active is False
