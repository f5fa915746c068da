"""Ids in API bodies that are not the partnership's (or not in the record) are refused with 400, naming them."""

import pytest

from reports.models import Return

from .api_helpers import ApiClient, token_for
from .api_work import police_return, the_indicator

pytestmark = pytest.mark.django_db


def _patch(side, return_, body):
    return ApiClient(token_for(side.spoc_police)).patch(f"/api/v1/p/{side.slug}/returns/{return_.pk}/", body)


def test_a_return_figure_for_an_unknown_indicator_is_refused_with_400_naming_it_and_nothing_is_saved(a):
    return_ = police_return(a)
    response = _patch(
        a,
        return_,
        {
            "progress": "Typed",
            "figures": [{"indicator": the_indicator(a).pk, "value": "4"}, {"indicator": 999999, "value": "7"}],
        },
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "figure-999999": [
            "There is no indicator with id 999999 in this return: "
            "send figures only for the indicators the return lists."
        ]
    }
    saved = Return.objects.get(pk=return_.pk)
    assert saved.progress == ""
    assert [f.value for f in saved.figures.all()] == [None]


def test_a_return_figure_for_another_partnerships_indicator_is_refused_with_400(a, b):
    return_ = police_return(a)
    theirs = the_indicator(b)
    response = _patch(a, return_, {"figures": [{"indicator": theirs.pk, "value": "7"}]})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [f"figure-{theirs.pk}"]


def test_a_return_figure_for_an_indicator_of_the_partnership_that_the_return_does_not_list_is_refused(a):
    from .returns_cast import indicator

    return_ = police_return(a)
    unlisted = indicator(a, "NOT-REPORTED-HERE")
    response = _patch(a, return_, {"figures": [{"indicator": unlisted.pk, "value": "7"}]})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [f"figure-{unlisted.pk}"]
