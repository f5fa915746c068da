"""A coordinator imports the partner organisations from the partnership's own list, through the one import
pipeline: the mapping page, every bad row shown with its reason, all or nothing through the services
(audited), and each SPOC's email invited to join as the organisation's partner SPOC."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships.models import AuditEvent, Invitation, Organisation, Role, Sector

from .seed_tables import workbook

pytestmark = pytest.mark.django_db

HEADINGS = ["Partner agency", "Type", "Single point of contact", "Contact email"]


def _url(side) -> str:
    return reverse("partnerships:organisations_import", kwargs={"slug": side.slug})


def _list(*rows) -> bytes:
    return workbook({"Partners": [["Northvale partnership: who is round the table (March 2017)"], HEADINGS, *rows]})


def _upload(client, side, content: bytes):
    return client.post(_url(side), {"file": SimpleUploadedFile("partners.xlsx", content)})


def _problems(page) -> list[tuple[str, list[str]]]:
    return [(r.where, r.errors) for r in page.context["result"].bad_rows]


def test_the_coordinator_imports_organisations_and_their_spocs_are_invited(
    a, login, django_capture_on_commit_callbacks
):
    client = login(a.coordinator)
    page = _upload(
        client,
        a,
        _list(
            ["Harbour Mission", "Faith", "", ""],
            ["Northvale Clinical Commissioning Group", "NHS", "Priya Raman", "Priya.Raman@Example.org"],
            ["Safe Haven – Northvale", "Charity", "", "duty@safehaven.example"],
        ),
    )
    assert page.context["state"].sheets[0].header_line == 2
    assert page.context["state"].columns == {
        "name": "Partner agency",
        "sector": "Type",
        "spoc_name": "Single point of contact",
        "spoc_email": "Contact email",
    }
    assert "Every row is valid: all 3 rows are valid" in page.content.decode()
    assert [r.verb for r in page.context["result"].rows][1] == "Be added, and Priya Raman invited as its partner SPOC"
    assert not Organisation.objects.filter(name="Harbour Mission").exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(a), {"confirm": "1", "token": page.context["token"]})
    assert response.status_code == 302
    added = {o.name: o.sector for o in Organisation.objects.filter(partnership=a.partnership, created_at__isnull=False)}
    assert added["Harbour Mission"] == Sector.FAITH_COMMUNITY
    assert added["Northvale Clinical Commissioning Group"] == Sector.HEALTH
    assert added["Safe Haven – Northvale"] == Sector.NGO
    invitation = Invitation.objects.get(email="priya.raman@example.org")
    assert (invitation.role, invitation.organisation.name) == (Role.SPOC, "Northvale Clinical Commissioning Group")
    assert sorted(m.to[0] for m in mail.outbox) == ["duty@safehaven.example", "priya.raman@example.org"]
    assert re.search(r"/invitations/[^/\s]+/", mail.outbox[0].body)
    assert AuditEvent.objects.filter(action="organisation.create", actor=a.coordinator).count() == 3
    assert AuditEvent.objects.filter(action="invitation.create", actor=a.coordinator).count() == 2


def test_an_organisation_the_partnership_has_or_the_file_names_twice_is_refused_and_nothing_is_written(a, login):
    client = login(a.coordinator)
    before = Organisation.objects.count()
    page = _upload(
        client,
        a,
        _list(
            ["northvale police", "Police", "", ""],
            ["Harbour Mission", "Faith", "", ""],
            ["Harbour mission", "Faith", "", ""],
            ["Lantern Project", "Circus", "Sam Lee", ""],
            ["Beacon Trust", "Charity", "", a.viewer.email],
        ),
    )
    assert _problems(page) == [
        ("Row 3", ["The partnership already has an organisation named “northvale police”: take this row out."]),
        ("Row 5", ["“Harbour mission” is also on row 4: each organisation once."]),
        (
            "Row 6",
            [
                "Sector: “Circus” is not a sector: write one of Police, Local authority, Health, Criminal justice, "
                "NGO / charity, Business, Faith / community, Other.",
                "SPOC's email: give Sam Lee's email to invite them, or leave the name out.",
            ],
        ),
        ("Row 7", [f"SPOC's email: {a.viewer.email} is already a member of this partnership."]),
    ]
    assert client.post(_url(a), {"confirm": "1", "token": page.context["token"]}).status_code == 200
    assert Organisation.objects.count() == before
    assert not Invitation.objects.exists()


def test_another_partnerships_coordinator_gets_not_found_and_a_spoc_may_not_import(a, b, login):
    assert login(b.coordinator).get(_url(a)).status_code == 404
    assert login(a.spoc_police).get(_url(a)).status_code == 403


def test_the_organisations_page_links_the_coordinator_to_the_import(a, login):
    url = reverse("partnerships:organisations", kwargs={"slug": a.slug})
    assert f'href="{_url(a)}"' in login(a.coordinator).get(url).content.decode()
    assert f'href="{_url(a)}"' not in login(a.viewer).get(url).content.decode()


def test_a_member_who_may_not_invite_people_adds_the_organisations_but_invites_nobody(a):
    """Whatever columns were chosen at the upload, the right to invite is decided at the confirmation."""
    from aspm.imports.mapping import MappedRow
    from partnerships.imports import organisations_kind

    rows = [MappedRow("", 2, {"name": "Kelmarsh Food Bank", "sector": Sector.OTHER, "spoc_email": "ana@example.org"})]
    outcome = organisations_kind(can_invite=False).run(actor=a.coordinator, partnership=a.partnership, rows=rows,
                                                       dry_run=False)  # fmt: skip
    assert (
        outcome.written and Organisation.objects.filter(partnership=a.partnership, name="Kelmarsh Food Bank").exists()
    )
    assert not Invitation.objects.filter(email="ana@example.org").exists()
