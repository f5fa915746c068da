"""Deleting from the pages: what the service refuses stays, with its reason shown on the object's
page; what it allows goes, and the coordinator lands on the list with a confirmation."""

from django.contrib.messages import get_messages
from django.urls import reverse

from indicators.models import Objective
from partnerships.models import Organisation

from . import strategy_world as sw


def _said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_an_objective_that_indicators_measure_is_kept_and_the_page_says_why(a, login):
    objective = sw.objective(a)
    sw.measured(a, objective)
    client = login(a.coordinator)
    response = client.post(reverse("strategy:objective_delete", kwargs={"slug": a.slug, "pk": objective.pk}))
    assert response.url == reverse("strategy:objective_detail", kwargs={"slug": a.slug, "pk": objective.pk})
    assert _said(response) == ["Indicators measure this objective: move or delete them first."]
    assert Objective.objects.filter(pk=objective.pk).exists()


def test_an_unmeasured_objective_is_deleted_and_the_coordinator_lands_on_the_list(a, login):
    objective = sw.objective(a)
    client = login(a.coordinator)
    response = client.post(reverse("strategy:objective_delete", kwargs={"slug": a.slug, "pk": objective.pk}))
    assert response.url == reverse("strategy:objectives", kwargs={"slug": a.slug})
    assert _said(response) == [f"{objective.code} is deleted."]
    assert not Objective.objects.filter(pk=objective.pk).exists()


def test_an_organisation_with_a_spoc_is_kept_and_one_without_is_deleted(a, login):
    client = login(a.coordinator)
    organisations = reverse("partnerships:organisations", kwargs={"slug": a.slug})

    refused = client.post(reverse("partnerships:organisation_delete", kwargs={"slug": a.slug, "pk": a.police.pk}))
    assert refused.url == organisations
    assert "still has a partner SPOC" in _said(refused)[0]
    assert Organisation.objects.filter(pk=a.police.pk).exists()

    done = client.post(reverse("partnerships:organisation_delete", kwargs={"slug": a.slug, "pk": a.council.pk}))
    assert done.url == organisations
    assert _said(done)[-1] == "Northvale Council is deleted."
    assert not Organisation.objects.filter(pk=a.council.pk).exists()
