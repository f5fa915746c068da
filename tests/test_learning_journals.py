"""Outcome journals: boundary partners, their progress markers at three levels, and dated reviews of
which markers were seen — refused, with nothing written, when an entry names another partner's marker."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionplans.learning import journal_selectors as selectors
from actionplans.learning.models import BoundaryPartner, JournalEntry, MarkerLevel
from actionplans.learning.services import journals
from partnerships.models import AuditEvent

from .learning_helpers import make_boundary_partner
from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db

EXPECT, LIKE, LOVE = MarkerLevel.EXPECT, MarkerLevel.LIKE, MarkerLevel.LOVE
HOTEL_MARKERS = [
    (EXPECT, "Owners come to an awareness session"),
    (EXPECT, "Owners put up the helpline poster"),
    (LIKE, "Owners call the police about a suspicious booking"),
    (LOVE, "Owners train their own staff each year"),
]


@pytest.fixture
def hotels(a):
    return make_boundary_partner(a, markers=HOTEL_MARKERS)


def marker(partner, text):
    return partner.markers.get(text=text)


def test_a_review_records_the_markers_seen_and_the_chart_follows_them_over_time(a, hotels):
    journals.entry_record(
        actor=a.coordinator,
        partner=hotels,
        date=dt.date(2026, 4, 20),
        evidence="Twelve owners came to the April session.",
        observed=[marker(hotels, "Owners come to an awareness session")],
    )
    journals.entry_record(
        actor=a.coordinator,
        partner=hotels,
        date=dt.date(2026, 7, 20),
        evidence="Posters in 9 of 14 hotels; one call to the police about a booking.",
        observed=[
            marker(hotels, "Owners come to an awareness session"),
            marker(hotels, "Owners put up the helpline poster"),
            marker(hotels, "Owners call the police about a suspicious booking"),
        ],
    )
    (progress,) = selectors.overview(a.partnership)
    assert [(p.date, p.seen) for p in progress.points] == [
        (dt.date(2026, 4, 20), {EXPECT: 1}),
        (dt.date(2026, 7, 20), {EXPECT: 2, LIKE: 1}),
    ]
    assert progress.levels == [("Expect to see", 2, 2), ("Like to see", 1, 1), ("Love to see", 0, 1)]
    assert AuditEvent.objects.filter(partnership=a.partnership, action="journalentry.markers").count() == 2


def test_an_entry_naming_a_marker_of_another_partner_is_refused_and_nothing_is_written(a, hotels):
    gps = make_boundary_partner(a, name="GP practices", markers=[(EXPECT, "Practices name a lead for modern slavery")])
    with pytest.raises(ValidationError, match="another boundary partner"):
        journals.entry_record(
            actor=a.coordinator,
            partner=hotels,
            date=dt.date(2026, 5, 1),
            evidence="Seen at the meeting.",
            observed=[gps.markers.get()],
        )
    assert not JournalEntry.objects.exists()


def test_an_entry_needs_evidence_and_cannot_be_dated_in_the_future(a, hotels):
    with pytest.raises(ValidationError, match="what you saw"):
        journals.entry_record(actor=a.coordinator, partner=hotels, date=dt.date(2026, 5, 1), evidence=" ")
    with pytest.raises(ValidationError, match="future"):
        journals.entry_record(actor=a.coordinator, partner=hotels, date=dt.date(2099, 1, 1), evidence="Seen.")
    assert not JournalEntry.objects.exists()


def test_a_partners_name_is_unique_in_the_partnership_but_not_across_partnerships(a, b, hotels):
    with pytest.raises(ValidationError, match="already a boundary partner"):
        make_boundary_partner(a, name="hotel and short-let owners")
    assert make_boundary_partner(b).partnership == b.partnership


def test_a_marker_seen_in_the_journal_stays(a, hotels):
    seen = marker(hotels, "Owners come to an awareness session")
    journals.entry_record(
        actor=a.coordinator, partner=hotels, date=dt.date(2026, 5, 1), evidence="Ten came.", observed=[seen]
    )
    with pytest.raises(ValidationError, match="stays"):
        journals.marker_delete(actor=a.coordinator, marker=seen)


def test_the_coordinator_adds_a_partner_and_records_a_review_through_the_pages(a, login):
    client = login(a.coordinator)
    slug = a.partnership.slug
    response = client.post(
        reverse("learning:journal_create", args=[slug]),
        {"name": "Car wash operators", "outcome_challenge": "Operators pay and house their workers lawfully."},
    )
    partner = BoundaryPartner.objects.get(partnership=a.partnership)
    assert response.status_code == 302
    marker_url = reverse("learning:journal_marker_add", args=[slug, partner.pk])
    client.post(marker_url, {"level": 1, "text": "Operators register"})
    seen = partner.markers.get()
    response = client.post(
        reverse("learning:journal_entry_create", args=[slug, partner.pk]),
        {"date": "2026-06-01", "observed": [seen.pk], "evidence": "Four of six operators registered."},
    )
    assert response.status_code == 302
    page = client.get(reverse("learning:journal", args=[slug, partner.pk])).content.decode()
    assert "Four of six operators registered." in page and "1 June 2026" in page


def test_a_spoc_reads_the_journals_but_cannot_record_a_review(a, hotels, login):
    client = login(a.spoc_police)
    assert client.get(reverse("learning:journals", args=[a.partnership.slug])).status_code == 200
    url = reverse("learning:journal_entry_create", args=[a.partnership.slug, hotels.pk])
    assert client.get(url).status_code == 403


def test_the_journals_page_takes_the_same_queries_at_two_sizes(a, login):
    client = login(a.coordinator)
    url = reverse("learning:journals", args=[a.partnership.slug])

    made = []

    def grow(n):
        for _ in range(n):
            made.append(None)
            p = make_boundary_partner(a, name=f"Group {len(made)}", markers=HOTEL_MARKERS[:2])
            journals.entry_record(
                actor=a.coordinator, partner=p, date=dt.date(2026, 5, 1), evidence="Seen.", observed=p.markers.all()
            )

    # session, user, membership, messages; the partners, their markers, their entries, the markers seen
    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=8)


def test_another_partnerships_coordinator_sees_404_for_a_journal(a, b, hotels, login):
    url = reverse("learning:journal", args=[a.partnership.slug, hotels.pk])
    assert login(b.coordinator).get(url).status_code == 404


def test_the_annual_report_shows_each_partner_reviewed_in_the_year_with_the_markers_seen(a, b, hotels):
    from django.utils import timezone

    from reports.annual.registry import default_section_keys
    from reports.annual.render import build_sections, render_html
    from reports.annual.sections.base import ReportContext
    from reports.annual.sections.journals import JOURNALS
    from reports.annual.years import year_containing

    year = year_containing(a.partnership, timezone.localdate())
    journals.entry_record(
        actor=a.coordinator,
        partner=hotels,
        date=year.start,
        evidence="Posters in most hotels visited.",
        observed=[
            marker(hotels, "Owners come to an awareness session"),
            marker(hotels, "Owners put up the helpline poster"),
        ],
    )
    make_boundary_partner(b, name="Southmoor taxi firms")  # another partnership's: never in a's report
    ctx = ReportContext(partnership=a.partnership, year=year, as_of=timezone.now(), section_keys=default_section_keys())
    (row,) = JOURNALS.gather(ctx)["partners"]
    assert [(label, seen, out_of) for label, seen, _, out_of in row["levels"]] == [
        ("Expect to see", 2, 2),
        ("Like to see", 0, 1),
        ("Love to see", 0, 1),
    ]
    html = render_html(ctx, build_sections(ctx), template="reports/annual/_body.html")
    assert "How the partners we influence are changing" in html
    assert "Posters in most hotels visited." in html and "Southmoor taxi firms" not in html


def test_a_partners_page_reads_its_journal_once_whatever_its_length(a, login):
    client = login(a.coordinator)
    partner = make_boundary_partner(a, markers=HOTEL_MARKERS[:2])
    url = reverse("learning:journal", args=[a.partnership.slug, partner.pk])

    def grow(n):
        for day in range(n):
            journals.entry_record(
                actor=a.coordinator,
                partner=partner,
                date=dt.date(2026, 5, 1) + dt.timedelta(days=day + partner.entries.count()),
                evidence="Seen.",
                observed=partner.markers.all(),
            )

    # session, user, membership, messages; the partner, its markers, outcomes, journal, markers seen, harvests
    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=10)
