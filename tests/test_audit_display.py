"""The audit log reads as words: what happened to which kind of record, fields as the forms name
them, dates in full, Yes and No; a change from blank to blank is left out."""

from partnerships import audit
from partnerships.audit_display import action_label, kind_label, present


def test_an_event_is_shown_in_words_with_blank_to_blank_left_out(a):
    event = audit.record(
        actor=a.coordinator,
        partnership=a.partnership,
        action="organisation.update",
        obj=a.police,
        changes={
            "is_active": [True, False],
            "name": ["Northvale Police", "Northvale Constabulary"],
            "created_at": ["2026-04-01T09:30:00+00:00", "2026-04-02T16:05:00+00:00"],
            "sector": ["", None],
        },
    )
    row = present(event)
    assert row.what == "Organisation changed" and row.kind == "Organisation"
    shown = {c.field: (c.before, c.after) for c in row.changes}
    assert shown["Name"] == ("Northvale Police", "Northvale Constabulary")
    assert "Sector" not in shown  # blank before and after
    assert ("Yes", "No") in shown.values()
    assert shown["Created at"] == ("1 April 2026, 10:30", "2 April 2026, 17:05")  # London summer time


def test_actions_and_kinds_have_names_a_coordinator_would_use():
    assert action_label("return.approve", "reports.return") == "Return approved"
    assert action_label("return.send_back", "reports.return") == "Return returned for changes"
    assert kind_label("indicators.assumptionreview").lower() == "assumption review"
    assert action_label("surveyround.open") == "Survey round opened"  # the filter names actions alone


def test_the_audit_page_and_filter_use_the_words(a, login):
    audit.record(actor=a.coordinator, partnership=a.partnership, action="organisation.update", obj=a.police)
    page = login(a.coordinator).get(f"/p/{a.slug}/audit/").content.decode()
    assert "Organisation changed" in page
    assert "<code>organisation.update</code>" not in page
    assert '<option value="partnerships.organisation">Organisation</option>' in page
