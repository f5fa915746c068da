"""Autosave: what the SPOC types is saved as they go; a bad figure does not stop the narrative
being saved; a save that cannot be made (session ended, return submitted) says so."""

import pytest
from django.urls import reverse

from indicators.models import Unit
from reports.models import Return, ReturnFigure

from .returns_cast import indicator, police_return, section_url, submitted

pytestmark = pytest.mark.django_db


def _url(side, return_):
    return reverse("reports:return_autosave", kwargs={"slug": side.slug, "pk": return_.pk})


def test_typing_is_saved_and_the_page_is_told_so(a, login):
    return_ = police_return(a)
    response = login(a.spoc_police).post(
        _url(a, return_), {"progress": "Nine workers spoken to"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response["X-Autosave"] == "saved"
    stored = Return.objects.get(pk=return_.pk)
    assert stored.progress == "Nine workers spoken to" and stored.started_at is not None
    assert response["X-Return-Version"] == str(stored.version)
    assert "Draft saved at" in response.content.decode()


def test_a_bad_figure_does_not_stop_the_narrative_being_saved(a, login):
    share = indicator(a, "IND-1", unit=Unit.PERCENTAGE, reporters=[a.police])
    count = indicator(a, "IND-2", reporters=[a.police])
    return_ = police_return(a)
    data = {"progress": "Typed before the typo", f"f{share.pk}-value": "140", f"f{count.pk}-value": "7"}
    response = login(a.spoc_police).post(_url(a, return_), data)
    assert response["X-Autosave"] == "saved"
    assert "1 figure not saved yet" in response.content.decode()
    assert Return.objects.get(pk=return_.pk).progress == "Typed before the typo"
    assert ReturnFigure.objects.get(indicator=share).value is None
    assert ReturnFigure.objects.get(indicator=count).value == 7


def test_saving_the_same_text_again_changes_nothing(a, login):
    return_ = police_return(a)
    client = login(a.spoc_police)
    client.post(_url(a, return_), {"progress": "Same"})
    version = Return.objects.get(pk=return_.pk).version
    client.post(_url(a, return_), {"progress": "Same"})
    assert Return.objects.get(pk=return_.pk).version == version


def test_after_the_session_ends_the_autosave_is_not_confirmed_and_saves_nothing(a, client):
    return_ = police_return(a)
    response = client.post(_url(a, return_), {"progress": "Typed after the session ended"}, follow=True)
    assert "X-Autosave" not in response
    assert Return.objects.get(pk=return_.pk).progress == ""


def test_a_submitted_return_refuses_autosave_with_a_reason(a, login):
    return_ = submitted(a, police_return(a))
    response = login(a.spoc_police).post(_url(a, return_), {"progress": "Late change"})
    assert response["X-Autosave"] == "refused"
    assert "cannot be changed" in response.content.decode()


def test_the_return_page_carries_the_autosave_wiring(a, login):
    return_ = police_return(a)
    page = login(a.spoc_police).get(section_url(a, return_, "narrative"))
    html = page.content.decode()
    assert f'hx-post="{_url(a, return_)}"' in html
    assert f'data-storage-key="aspm-return-{return_.pk}-narrative"' in html
    assert "js/returns.js" in html
