"""Nothing person-level in published outputs: a person is named only when the partnership marked them
"named in published reports" (audited); otherwise published outputs give their organisation or role."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerships import services
from partnerships.models import AuditEvent, Membership, Role, SubGroup
from partnerships.templatetags.people_tags import public_name_of
from reports.annual.render import build_sections, render_html
from reports.annual.sections.base import ReportContext

from .test_annual_content import this_year

pytestmark = pytest.mark.django_db


def _publication_html(side, *, publication=True):
    ctx = ReportContext(
        partnership=side.partnership,
        year=this_year(side),
        as_of=timezone.now(),
        for_publication=publication,
        section_keys=["partnership"],
    )
    return render_html(ctx, build_sections(ctx), template="reports/annual/pdf.html")


def test_nobody_is_named_in_published_reports_until_the_partnership_says_so(a):
    assert not Membership.objects.filter(partnership=a.partnership, named_in_publications=True).exists()


def test_a_sub_group_chair_not_marked_public_is_given_by_organisation_in_the_publication(a):
    SubGroup.objects.create(partnership=a.partnership, name="Pursue group", chair=a.memberships["spoc_police"])
    html = _publication_html(a)
    assert a.spoc_police.full_name not in html
    assert f"A member from {a.police.name}" in html
    assert a.spoc_police.full_name in _publication_html(a, publication=False)


def test_a_chair_the_partnership_marked_public_is_named_in_the_publication(a):
    chair = a.memberships["coordinator"]
    SubGroup.objects.create(partnership=a.partnership, name="Strategic board", chair=chair)
    assert a.coordinator.full_name not in _publication_html(a)
    services.membership_set_named_in_publications(actor=a.coordinator, membership=chair, named=True)
    assert a.coordinator.full_name in _publication_html(a)


def test_marking_a_person_public_is_recorded_in_the_audit_log(a):
    services.membership_set_named_in_publications(actor=a.coordinator, membership=a.memberships["board"], named=True)
    event = AuditEvent.objects.get(partnership=a.partnership, action="membership.named_in_publications")
    assert event.actor == a.coordinator and event.changes == {"named_in_publications": [False, True]}


def test_the_coordinator_marks_a_member_public_on_the_members_page(a, login):
    client = login(a.coordinator)
    board = a.memberships["board"]
    url = reverse("partnerships:member_edit", kwargs={"slug": a.slug, "pk": board.pk})
    assert "Name this person in published reports" in client.get(url).content.decode()
    response = client.post(url, {"role": Role.BOARD, "organisation": "", "named_in_publications": "on"})
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.named_in_publications
    page = client.get(reverse("partnerships:members", kwargs={"slug": a.slug})).content.decode()
    assert "Named in published reports" in page


def test_a_spoc_cannot_mark_anyone_public(a, login):
    board = a.memberships["board"]
    url = reverse("partnerships:member_edit", kwargs={"slug": a.slug, "pk": board.pk})
    response = login(a.spoc_police).post(url, {"role": Role.BOARD, "named_in_publications": "on"})
    assert response.status_code == 403
    board.refresh_from_db()
    assert not board.named_in_publications


def test_a_person_not_marked_public_is_written_as_their_organisation_or_role(a):
    assert public_name_of(a.memberships["spoc_police"]) == f"A member from {a.police.name}"
    assert public_name_of(a.memberships["board"]) == "A board member of the partnership"
    assert public_name_of(a.memberships["board"], True) == a.board.full_name
    assert public_name_of(None) == "–"
