"""Access facts for the strategy URLs (see access_registry/__init__.py): coordinators write, every member reads."""

from __future__ import annotations

from partnerships.access import Perm

from .. import strategy_world as sw

OBJECT_KWARGS = {
    "strategy:assumption_edit": lambda side: {"pk": sw.assumption(side).pk},
    "strategy:assumption_review": lambda side: {"pk": sw.assumption(side).pk},
    "strategy:assumption_delete": lambda side: {"pk": sw.assumption(side).pk},
    "strategy:strand_edit": lambda side: {"pk": sw.strand(side).pk},
    "strategy:objective_detail": lambda side: {"pk": sw.objective(side).pk},
    "strategy:objective_edit": lambda side: {"pk": sw.objective(side).pk},
    "strategy:objective_specific": lambda side: {"pk": sw.objective(side).pk},
    "strategy:objective_delete": lambda side: {"pk": sw.objective(side).pk},
    "strategy:chain_entry_create": lambda side: {"pk": sw.objective(side).pk, "level": 2},
    "strategy:chain_entry_edit": lambda side: {"pk": sw.entry(side).pk},
    "strategy:chain_entry_delete": lambda side: {"pk": sw.entry(side).pk},
    "strategy:subgroup_detail": lambda side: {"pk": sw.subgroup(side).pk},
    "strategy:subgroup_edit": lambda side: {"pk": sw.subgroup(side).pk},
    "strategy:risk_edit": lambda side: {"pk": sw.risk(side).pk},
    "strategy:risk_delete": lambda side: {"pk": sw.risk(side).pk},
    "strategy:goal_edit": lambda side: {"pk": sw.goal(side).pk},
    "strategy:goal_evidence": lambda side: {"pk": sw.goal(side, with_file=True).pk},
    "strategy:agreement_detail": lambda side: {"pk": sw.agreement(side).pk},
    "strategy:agreement_edit": lambda side: {"pk": sw.agreement(side).pk},
    "strategy:agreement_delete": lambda side: {"pk": sw.agreement(side).pk},
    "strategy:agreement_document": lambda side: {"pk": sw.agreement(side, document=sw.pdf_upload()).pk},
    "strategy:budget_line_create": lambda side: {"pk": sw.agreement(side).pk},
    "strategy:budget_line_edit": lambda side: {"pk": sw.budget_line(side).pk},
    "strategy:budget_line_delete": lambda side: {"pk": sw.budget_line(side).pk},
    "strategy:agreement_review": lambda side: {
        "pk": sw.agreement(side).pk,
        "organisation_pk": side.charity.pk,
        "year": 2025,
    },
    "strategy:agreement_review_accept": lambda side: {"pk": sw.review(side).pk},
    "strategy:agreement_review_send_back": lambda side: {"pk": sw.review(side).pk},
}

# A provider's own review: its SPOC writes it, those who read every return read it (own-organisation rule).
OWN_TESTS = {"strategy:agreement_review": "tests/test_funding_reviews.py"}


def _objective_data(side):
    return {
        "title": "Support survivors into work",
        "strand": sw.strand(side, "prepare").pk,
        "owner_organisation": side.charity.pk,
        "start_date": "2026-04-01",
        "end_date": "2027-03-31",
        "priority": "high",
        "pathway_stages": ["recovery"],
    }


def _agreement_data(side):
    return {
        "title": "Safe beds",
        "funder_name": "The Home Office",
        "providers": [side.charity.pk],
        "purpose": "Emergency beds.",
        "start_date": "2026-04-01",
        "end_date": "2027-03-31",
        "total_value": "12000",
        "schedule": "quarterly",
        "tolerance_percent": "10",
    }


def _risk_data(side):
    return {"title": "Interpreters unavailable", "likelihood": "4", "impact": "3", "status": "open"}


MATRIX = {
    "strategy:plan": (Perm.VIEW, ("get",), None),
    "strategy:plan_edit": (
        Perm.EDIT_PLAN,
        ("get", "post"),
        lambda side: {"vision": "Nobody exploited here.", "mission": "Together.", "theory_of_change": "If…"},
    ),
    "strategy:assumption_create": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"statement": "Visits find victims."}),
    "strategy:assumption_edit": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"statement": "Reworded."}),
    "strategy:assumption_review": (
        Perm.EDIT_PLAN,
        ("get", "post"),
        lambda side: {"status": "holding", "note": "Q2 figures agree.", "on": "2026-10-01"},
    ),
    "strategy:assumption_delete": (Perm.EDIT_PLAN, ("post",), None),
    "strategy:strands": (Perm.VIEW, ("get",), None),
    "strategy:strand_create": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"name": "Partnership", "order": "5"}),
    "strategy:strand_edit": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"name": "Pursue locally", "order": "1"}),
    "strategy:objectives": (Perm.VIEW, ("get",), None),
    "strategy:objective_create": (Perm.EDIT_PLAN, ("get", "post"), _objective_data),
    "strategy:objective_detail": (Perm.VIEW, ("get",), None),
    "strategy:objective_edit": (Perm.EDIT_PLAN, ("get", "post"), _objective_data),
    "strategy:objective_specific": (Perm.EDIT_PLAN, ("post",), lambda side: {"confirmed": "on"}),
    "strategy:objective_delete": (Perm.EDIT_PLAN, ("post",), None),
    "strategy:chain_entry_create": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"description": "Joint visits"}),
    "strategy:chain_entry_edit": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"description": "Reworded"}),
    "strategy:chain_entry_delete": (Perm.EDIT_PLAN, ("post",), None),
    "strategy:logframe": (Perm.VIEW, ("get",), None),
    "strategy:logframe_xlsx": (Perm.VIEW, ("get",), None),
    "strategy:plan_xlsx": (Perm.VIEW, ("get",), None),
    "strategy:plan_import": (Perm.EDIT_PLAN, ("get", "post"), None),
    "strategy:objectives_import": (Perm.EDIT_PLAN, ("get", "post"), None),
    "strategy:subgroups": (Perm.VIEW, ("get",), None),
    "strategy:subgroup_create": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"name": "Awareness raising"}),
    "strategy:subgroup_detail": (Perm.VIEW, ("get",), None),
    "strategy:subgroup_edit": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"name": "Pursue, Prevent and more"}),
    "strategy:risks": (Perm.VIEW, ("get",), None),
    "strategy:risk_create": (Perm.EDIT_PLAN, ("get", "post"), _risk_data),
    "strategy:risk_edit": (Perm.EDIT_PLAN, ("get", "post"), _risk_data),
    "strategy:risk_delete": (Perm.EDIT_PLAN, ("post",), None),
    "strategy:goals": (Perm.VIEW, ("get",), None),
    "strategy:goal_edit": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"status": "in_progress"}),
    "strategy:goal_evidence": (Perm.VIEW, ("get",), None),
    "strategy:agreements": (Perm.VIEW, ("get",), None),
    "strategy:agreement_create": (Perm.EDIT_PLAN, ("get", "post"), _agreement_data),
    "strategy:agreement_detail": (Perm.VIEW, ("get",), None),
    "strategy:agreement_edit": (Perm.EDIT_PLAN, ("get", "post"), _agreement_data),
    "strategy:agreement_delete": (Perm.EDIT_PLAN, ("post",), None),
    "strategy:agreement_document": (Perm.VIEW, ("get",), None),
    "strategy:budget_line_create": (
        Perm.EDIT_PLAN,
        ("get", "post"),
        lambda side: {"year_start": "2026-04-01", "category": "accommodation", "amount": "6000"},
    ),
    "strategy:budget_line_edit": (
        Perm.EDIT_PLAN,
        ("get", "post"),
        lambda side: {"year_start": "2026-04-01", "category": "staff", "amount": "25000"},
    ),
    "strategy:budget_line_delete": (Perm.EDIT_PLAN, ("post",), None),
    "strategy:agreement_review_accept": (Perm.REVIEW_RETURNS, ("post",), None),
    "strategy:agreement_review_send_back": (
        Perm.REVIEW_RETURNS,
        ("post",),
        lambda side: {"comment": "Say more about the training."},
    ),
}
