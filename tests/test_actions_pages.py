"""The action plan pages: filters, in-place status changes, forms with plain errors, and constant queries."""

import pytest
from django.urls import reverse

from actionplans import services
from actionplans.models import Action
from partnerships.models import SubGroup

from .action_helpers import make_action
from .home_panels import home_panel_html
from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(side, name, **kwargs):
    return reverse(f"actions:{name}", kwargs={"slug": side.slug, **kwargs})


def test_the_plan_filters_by_status_and_owner_organisation(a, login):
    police = make_action(a, organisation=a.police, title="Police visit car washes")
    make_action(a, organisation=a.charity, title="Charity runs drop-in")
    services.action_set_status(actor=a.coordinator, action=police, status="amber", note="Short of staff")
    client = login(a.board)
    by_status = client.get(_url(a, "plan"), {"status": "amber"}).content.decode()
    assert "Police visit car washes" in by_status and "Charity runs drop-in" not in by_status
    by_owner = client.get(_url(a, "plan"), {"organisation": a.charity.pk}).content.decode()
    assert "Charity runs drop-in" in by_owner and "Police visit car washes" not in by_owner


def test_the_plan_shows_status_counts_at_the_top(a, login):
    for i in range(3):
        make_action(a, title=f"Action {i}")
    page = login(a.viewer).get(_url(a, "plan")).content.decode()
    assert '<span class="count-number">3</span> Green' in page
    assert '<span class="count-number">3</span> All actions' in page
    assert page.count('id="action-counts"') == 1


def test_a_status_changed_in_place_returns_the_row_and_a_live_message(a, login):
    action = make_action(a, title="Brief taxi drivers")
    client = login(a.coordinator)
    form = client.get(_url(a, "status", pk=action.pk), **HTMX).content.decode()
    assert 'name="note"' in form and 'hx-post="' in form
    response = client.post(
        _url(a, "status", pk=action.pk), {"status": "amber", "note": "Venue lost", "expected_status": "green"}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="action-{action.pk}"' in html
    assert 'id="actions-live" hx-swap-oob="true"' in html
    assert "is now Amber" in html
    assert 'id="action-counts" hx-swap-oob="true"' in html
    assert '<span class="count-number">1</span> Amber' in html  # the counts at the top follow


def test_red_without_a_note_is_refused_in_place_with_the_reason(a, login):
    action = make_action(a)
    response = login(a.coordinator).post(_url(a, "status", pk=action.pk), {"status": "red", "note": ""}, **HTMX)
    html = response.content.decode()
    assert "a note is needed for a change to Red" in html
    assert 'aria-invalid="true"' in html
    action.refresh_from_db()
    assert action.status == "green"


def test_the_second_saver_is_told_the_status_had_just_changed(a, login):
    action = make_action(a)
    services.action_set_status(actor=a.spoc_police, action=action, status="amber", note="Slipping")
    response = login(a.coordinator).post(
        _url(a, "status", pk=action.pk), {"status": "red", "note": "Stopped", "expected_status": "green"}, **HTMX
    )
    html = response.content.decode()
    assert "The status had just changed" in html
    assert "Pete Police set it to Amber" in html
    assert list(action.history.values_list("status", flat=True)) == ["green", "amber", "red"]


def test_the_detail_page_shows_the_history_newest_first(a, login):
    action = make_action(a)
    services.action_set_status(actor=a.coordinator, action=action, status="amber", note="Trainer ill")
    page = login(a.viewer).get(_url(a, "detail", pk=action.pk)).content.decode()
    assert page.index("Trainer ill") < page.index("Action added to the plan.")
    assert "Update the status" not in page  # a viewer reads only


def test_the_add_form_shows_due_before_start_in_plain_words(a, login):
    response = login(a.coordinator).post(
        _url(a, "create"),
        {
            "title": "Late",
            "owner_organisation": a.police.pk,
            "start_date": "2026-09-01",
            "due_date": "2026-08-01",
            "priority": "high",
        },
    )
    assert response.status_code == 200
    assert "The due date is before the start date" in response.content.decode()
    assert not Action.objects.exists()


def test_the_subgroup_work_plan_lists_its_actions(a, login):
    group = SubGroup.objects.create(partnership=a.partnership, name="Protect and Prepare")
    make_action(a, title="Publish referral route", subgroup=group)
    make_action(a, title="Elsewhere")
    page = login(a.board).get(_url(a, "subgroup_plan", pk=group.pk)).content.decode()
    assert "Protect and Prepare: work plan" in page
    assert "Publish referral route" in page and "Elsewhere" not in page


def test_the_export_neutralises_formulas(a, login):
    make_action(a, title='=HYPERLINK("http://evil")')
    response = login(a.viewer).get(_url(a, "export"), {"format": "csv"})
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in body


def _many_actions(side, n):
    groups = list(SubGroup.objects.filter(partnership=side.partnership).order_by("pk")[:3])
    groups += [SubGroup.objects.create(partnership=side.partnership, name=f"Group {i}") for i in range(len(groups), 3)]
    orgs = [side.police, side.charity, side.council]
    start = Action.objects.filter(partnership=side.partnership).count()
    for i in range(start, start + n):
        make_action(side, title=f"Action {i}", organisation=orgs[i % 3], subgroup=groups[i % 3])


@pytest.mark.parametrize("role", ["coordinator", "spoc_police"])
def test_the_plan_page_takes_a_constant_number_of_queries(a, login, role):
    client = login(a.user(role))
    flat_queries(
        grow=lambda n: _many_actions(a, n),
        measure=lambda: ok(client.get(_url(a, "plan"), {"group": "subgroup"})),
        pinned=12,
    )


def test_the_home_panel_and_my_actions_take_a_constant_number_of_queries(a, login):
    client = login(a.spoc_police)
    flat_queries(grow=lambda n: _many_actions(a, n), measure=lambda: ok(client.get(_url(a, "mine"))), pinned=12)
    # The home page shows every app's panel (pinned as a whole in test_home.py); this is the RAG panel's share.
    flat_queries(
        grow=lambda n: _many_actions(a, n),
        measure=lambda: home_panel_html(a, a.coordinator, "actionplans.dashboard.rag_panel"),
        pinned=9,
    )
