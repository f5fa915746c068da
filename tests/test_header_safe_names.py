"""Names that go into email subjects are one line: refused with line breaks, and folded when old data has them."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerships import services
from partnerships.forms import OrganisationForm, PartnershipForm
from partnerships.models import Organisation, Partnership

pytestmark = pytest.mark.django_db


def test_an_invitation_for_a_partnership_whose_name_has_a_line_break_is_sent(
    a, login, django_capture_on_commit_callbacks
):
    # A row saved before the rule (or written some other way): every invitation was a 500 (BadHeaderError).
    Partnership.objects.filter(pk=a.partnership.pk).update(name="Northvale\r\nBcc: everyone@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = login(a.coordinator).post(
            reverse("partnerships:member_invite", kwargs={"slug": a.slug}),
            {"email": "nadia.hussain@example.org", "role": "board"},
        )
    assert response.status_code == 302
    assert mail.outbox[-1].subject == "You are invited to Northvale Bcc: everyone@example.org on ASPM"
    assert mail.outbox[-1].to == ["nadia.hussain@example.org"]
    assert "Bcc" not in mail.outbox[-1].message()


def test_the_partnership_form_refuses_a_name_with_a_line_break(a):
    form = PartnershipForm(
        {
            "name": "Northvale\nPartnership",
            "area": "Northvale",
            "financial_year_start_month": 4,
            "small_count_threshold": 5,
        },
        instance=a.partnership,
    )
    assert not form.is_valid()
    assert form.errors["name"] == ["Write this on one line: it cannot contain line breaks or tabs."]


def test_the_partnership_service_refuses_a_name_with_a_line_break(a):
    with pytest.raises(ValidationError) as caught:
        services.partnership_update(actor=a.coordinator, partnership=a.partnership, name="Northvale\r\nX")
    assert "name" in caught.value.message_dict
    a.partnership.refresh_from_db()
    assert "\n" not in a.partnership.name


def test_the_organisation_form_and_service_refuse_a_name_with_a_line_break(a):
    form = OrganisationForm({"name": "Safe\rHarbour", "sector": "ngo", "is_active": True})
    assert "name" in form.errors
    with pytest.raises(ValidationError):
        services.organisation_create(actor=a.coordinator, partnership=a.partnership, name="Safe\nHarbour", sector="ngo")
    assert not Organisation.objects.filter(name__contains="Harbour").exists()


def test_a_reminder_for_an_organisation_whose_name_has_a_line_break_is_sent():
    from aspm import mail as aspm_mail

    aspm_mail.send(subject="Late: Safe\nHarbour's return", body="Body", recipients=["spoc@example.org"])
    assert mail.outbox[-1].subject == "Late: Safe Harbour's return"
