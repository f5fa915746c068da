"""The audit log: written with each change, in its transaction; readable by coordinators; never edited."""

import pytest
from django.db import transaction
from django.urls import reverse

from partnerships import services
from partnerships.models import AuditEvent, Organisation

from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db


def test_editing_an_organisation_records_who_and_the_fields_before_and_after(a, login):
    login(a.coordinator).post(
        reverse("partnerships:organisation_edit", kwargs={"slug": a.slug, "pk": a.council.pk}),
        {"name": "Northvale Borough Council", "sector": "local_authority", "is_active": "on"},
    )
    event = AuditEvent.objects.filter(action="organisation.update").get()
    assert event.actor == a.coordinator
    assert event.partnership == a.partnership
    assert event.object_id == str(a.council.pk)
    assert event.changes == {"name": ["Northvale Council", "Northvale Borough Council"]}


def test_an_unchanged_save_writes_no_event(a):
    before = AuditEvent.objects.count()
    services.organisation_update(actor=a.coordinator, organisation=a.council, name=a.council.name)
    assert AuditEvent.objects.count() == before


def test_the_event_and_the_change_commit_or_roll_back_together(a):
    events = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.organisation_create(actor=a.coordinator, partnership=a.partnership, name="Ghost", sector="other")
        raise RuntimeError("the request failed after the service")
    assert not Organisation.objects.filter(name="Ghost").exists()
    assert AuditEvent.objects.count() == events


def test_nobody_can_change_or_delete_an_event(a):
    event = AuditEvent.objects.filter(partnership=a.partnership).first()
    event.action = "tampered"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_coordinator_filters_the_log_by_kind_of_record(a, login):
    services.organisation_update(actor=a.coordinator, organisation=a.council, name="Filtered Council")
    page = login(a.coordinator).get(
        reverse("partnerships:audit", kwargs={"slug": a.slug}),
        {"object_type": "partnerships.organisation", "text": "Filtered"},
    )
    body = page.content.decode()
    assert "Filtered Council" in body
    assert "1 change" in body


def test_the_log_shows_only_this_partnerships_events(a, b, login):
    body = login(a.coordinator).get(reverse("partnerships:audit", kwargs={"slug": a.slug})).content.decode()
    assert "Southmoor Police" not in body
    assert "Northvale Police" in body


def test_the_audit_log_keeps_its_queries_flat(a, login):
    made = iter(range(1000))

    def grow(n):
        for _ in range(n):
            name = f"Org {next(made)}"
            services.organisation_create(actor=a.coordinator, partnership=a.partnership, name=name, sector="other")

    client = login(a.coordinator)
    url = reverse("partnerships:audit", kwargs={"slug": a.slug})
    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=12, big=30)
