"""Access facts for the recommendations register's URLs (see access_registry/__init__.py)."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from partnerships.access import Perm

from ..cast import Side
from ..learning_helpers import make_boundary_partner, make_recommendation, make_round


def _rec(side: Side) -> dict:
    return {"pk": make_recommendation(side, organisation=side.council).pk}


OBJECT_KWARGS: dict[str, Callable[[Side], dict]] = {
    name: _rec
    for name in (
        "learning:detail",
        "learning:edit",
        "learning:respond",
        "learning:make_actions",
        "learning:note",
        "learning:delete",
        "learning:document",
        "api:recommendation-detail",
        "api:recommendation-response",
    )
}


_names = itertools.count(1)


def _new_partner(side: Side, **values):
    return make_boundary_partner(side, name=f"Boundary partner {next(_names)}", **values)


def _partner(side: Side) -> dict:
    return {"pk": _new_partner(side, markers=[(1, "Owners come to a session")]).pk}


def _marker(side: Side) -> dict:
    partner = _new_partner(side, markers=[(1, "Owners come to a session")])
    return {"pk": partner.pk, "marker": partner.markers.get().pk}


def _entry(side: Side) -> dict:
    import datetime as dt

    from actionplans.learning.services import journals

    partner = _new_partner(side)
    entry = journals.entry_record(actor=None, partner=partner, date=dt.date(2026, 5, 1), evidence="Seen.")
    return {"pk": partner.pk, "entry": entry.pk}


OBJECT_KWARGS.update(
    {
        "learning:journal": _partner,
        "learning:journal_edit": _partner,
        "learning:journal_delete": _partner,
        "learning:journal_marker_add": _partner,
        "learning:journal_entry_create": _partner,
        "learning:journal_marker_delete": _marker,
        "learning:journal_entry_delete": _entry,
    }
)


def _draft_round(side: Side) -> dict:
    return {"pk": make_round(side, title=f"Round {next(_names)}", open=False).pk}


def _round(side: Side) -> dict:
    return {"pk": make_round(side, title=f"Round {next(_names)}").pk}


def _round_organisation(side: Side) -> dict:
    return {**_round(side), "org": side.police.pk}


def _round_statement(side: Side) -> dict:
    made = make_round(side, title=f"Round {next(_names)}")
    return {"pk": made.pk, "statement": made.statements.get(code="DAT1").pk}


def _rating(side: Side) -> dict:
    made = make_round(side, title=f"Round {next(_names)}")
    return {"pk": made.pk, "org": side.police.pk, "statement": made.statements.get(code="DAT1").pk}


OBJECT_KWARGS.update(
    {
        "learning:assessment": _round,
        "learning:assessment_statement_add": _draft_round,
        "learning:assessment_open": _draft_round,
        "learning:assessment_organisation": _round_organisation,
        "learning:assessment_rate": _rating,
        "learning:assessment_action": _round_statement,
    }
)


def _action_post(side: Side) -> dict:
    return {"title": "Agree one recording standard", "owner_organisation": side.council.pk, "due_date": "2026-12-31"}


def _partner_post(side: Side) -> dict:
    return {"name": f"Car wash operators {next(_names)}", "outcome_challenge": "Operators pay their workers lawfully."}


def _rec_post(side: Side) -> dict:
    return {
        "source_kind": "inspection",
        "source_title": "Inspection of the partnership",
        "text": "Publish the referral pathway",
        "owner_organisation": side.council.pk,
        "due_date": "2026-12-31",
    }


def _response_post(side: Side) -> dict:
    return {"response": "accept", "reasons": ""}


MATRIX = {
    "learning:register": (Perm.VIEW, ("get",), None),
    "learning:board": (Perm.VIEW, ("get",), None),
    "learning:detail": (Perm.VIEW, ("get",), None),
    "learning:create": (Perm.MANAGE_RECOMMENDATIONS, ("get", "post"), _rec_post),
    "learning:edit": (Perm.MANAGE_RECOMMENDATIONS, ("get", "post"), _rec_post),
    "learning:respond": (Perm.MANAGE_RECOMMENDATIONS, ("get", "post"), _response_post),
    "learning:make_actions": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
    "learning:delete": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
    "learning:journals": (Perm.VIEW, ("get",), None),
    "learning:journal": (Perm.VIEW, ("get",), None),
    "learning:journal_create": (Perm.MANAGE_RECOMMENDATIONS, ("get", "post"), _partner_post),
    "learning:journal_edit": (Perm.MANAGE_RECOMMENDATIONS, ("get", "post"), _partner_post),
    "learning:journal_delete": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
    "learning:journal_marker_add": (Perm.MANAGE_RECOMMENDATIONS, ("post",), lambda side: {"level": 2, "text": "New"}),
    "learning:journal_marker_delete": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
    "learning:journal_entry_create": (
        Perm.MANAGE_RECOMMENDATIONS,
        ("get", "post"),
        lambda side: {"date": "2026-05-01", "evidence": "Seen at the review."},
    ),
    "learning:journal_entry_delete": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
    "learning:assessments": (Perm.VIEW, ("get",), None),
    "learning:assessment_create": (
        Perm.MANAGE_RECOMMENDATIONS,
        ("get", "post"),
        lambda side: {"title": f"Round {next(_names)}", "opens_on": "2026-03-01", "closes_on": "2026-04-01"},
    ),
    "learning:assessment": (Perm.VIEW, ("get",), None),
    "learning:assessment_statement_add": (
        Perm.MANAGE_RECOMMENDATIONS,
        ("post",),
        lambda side: {"text": f"We join joint visit {next(_names)}."},
    ),
    "learning:assessment_open": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
    "learning:assessment_organisation": (Perm.VIEW, ("get",), None),
    "learning:assessment_action": (Perm.MANAGE_RECOMMENDATIONS, ("get", "post"), _action_post),
}

# Another partnership's organisation as the owner of an action raised from a gap: refused, nothing written.
FOREIGN_IDS = {
    "learning:assessment_action": lambda own, other: {**_action_post(own), "owner_organisation": other.council.pk},
}

# A progress note is for the owner organisation's SPOC and coordinators; the document is a 404
# when there is none (its own test downloads one).
OWN_TESTS = {
    "learning:note": "tests/test_learning_pages.py",
    "learning:document": "tests/test_learning_pages.py",
    # a SPOC rates only for their own organisation; the coordinator for any
    "learning:assessment_rate": "tests/test_learning_self_assessment.py",
}

_READ = {"get": (Perm.VIEW, None)}

API_MATRIX = {
    "api:recommendation-list": _READ,
    "api:recommendation-detail": _READ,
    "api:recommendation-response": {"post": (Perm.MANAGE_RECOMMENDATIONS, lambda side: {"response": "accept"})},
}


# ------------------------------------------------------------------ feedback
def _feedback_form(side: Side) -> dict:
    from ..learning_helpers import make_feedback_form

    return {"pk": make_feedback_form(side, title=f"Feedback form {next(_names)}").pk}


def _you_said(side: Side) -> dict:
    import datetime as dt

    from actionplans.learning.services import feedback

    entry = feedback.you_said_record(
        actor=None, partnership=side.partnership, you_said="Evenings", we_did="Opened late", date=dt.date(2026, 5, 1)
    )
    return {"pk": entry.pk}


OBJECT_KWARGS.update(
    {
        "learning:feedback_results": _feedback_form,
        "learning:feedback_answer": _feedback_form,
        "learning:feedback_open": _feedback_form,
        "learning:feedback_print": _feedback_form,
        "learning:you_said_delete": _you_said,
    }
)


def _new_feedback_form_post(side: Side) -> dict:
    return {
        "title": f"Training follow-up {next(_names)}",
        "audience": "training_3",
        "organisation": side.police.pk,
        "questions": ["tr_used", "tr_refer"],
    }


MATRIX.update(
    {
        "learning:feedback": (Perm.VIEW, ("get",), None),
        "learning:feedback_results": (Perm.VIEW, ("get",), None),
        "learning:feedback_print": (Perm.VIEW, ("get",), None),
        "learning:feedback_create": (Perm.MANAGE_RECOMMENDATIONS, ("get", "post"), _new_feedback_form_post),
        "learning:feedback_open": (Perm.MANAGE_RECOMMENDATIONS, ("post",), lambda side: {"confirm": "yes"}),
        "learning:you_said_create": (
            Perm.MANAGE_RECOMMENDATIONS,
            ("get", "post"),
            lambda side: {"you_said": "Longer hours", "we_did": "Open on Thursdays", "date": "2026-05-01"},
        ),
        "learning:you_said_delete": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
    }
)

# Entering answers is for the running organisation's SPOC (and coordinators): its own test.
OWN_TESTS["learning:feedback_answer"] = "tests/test_learning_feedback.py"


def _you_said_foreign(own: Side, other: Side) -> dict:
    from ..action_helpers import make_action

    return {"you_said": "Evenings", "we_did": "Opened late", "date": "2026-05-01", "actions": [make_action(other).pk]}


def _feedback_form_foreign(own: Side, other: Side) -> dict:
    return {
        "title": "Foreign organisation",
        "audience": "service_users",
        "organisation": other.charity.pk,
        "questions": ["su_listened"],
    }


# Kept with any bodies defined above in this module (another feature may add its own).
FOREIGN_IDS = {
    **globals().get("FOREIGN_IDS", {}),
    "learning:you_said_create": _you_said_foreign,
    "learning:feedback_create": _feedback_form_foreign,
}


# ------------------------------------------------------------------ closing rounds, feedback feeding indicators
def _feedback_link(side: Side) -> dict:
    from ..learning_helpers import make_feedback_form, make_feedback_link

    form = make_feedback_form(side, title=f"Feedback form {next(_names)}")
    return {"pk": form.pk, "link": make_feedback_link(side, form).pk}


def _link_post(side: Side) -> dict:
    from ..learning_helpers import involved_indicator

    return {"question": "su_listened", "indicator": involved_indicator(side).pk}


OBJECT_KWARGS.update(
    {
        "learning:assessment_close": _round,
        "learning:feedback_link_create": _feedback_form,
        "learning:feedback_link_delete": _feedback_link,
        "learning:feedback_record_indicators": _feedback_form,
    }
)

MATRIX.update(
    {
        "learning:assessment_close": (Perm.MANAGE_RECOMMENDATIONS, ("post",), lambda side: {"confirm": "yes"}),
        "learning:feedback_link_create": (Perm.MANAGE_RECOMMENDATIONS, ("post",), _link_post),
        "learning:feedback_link_delete": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
        "learning:feedback_record_indicators": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
    }
)


def _link_foreign(own: Side, other: Side) -> dict:
    from ..learning_helpers import involved_indicator

    return {"question": "su_involved", "indicator": involved_indicator(other).pk}


FOREIGN_IDS["learning:feedback_link_create"] = _link_foreign


# ------------------------------------------------------------------ peer review of a round
def _another_partnership(side: Side):
    from partnerships.models import Partnership

    return Partnership.objects.exclude(pk=side.partnership.pk).order_by("pk").first()


def _peer_review(side: Side) -> dict:
    from actionplans.learning.services import peer_review

    made = make_round(side, title=f"Round {next(_names)}")
    invitation = peer_review.peer_review_invite(actor=None, round=made, reviewer=_another_partnership(side))
    return {"pk": made.pk, "review": invitation.pk}


OBJECT_KWARGS.update({"learning:assessment_peer_invite": _round, "learning:assessment_peer_withdraw": _peer_review})

MATRIX.update(
    {
        "learning:assessment_peer_invite": (
            Perm.MANAGE_RECOMMENDATIONS,
            ("post",),
            lambda side: {"reviewer": _another_partnership(side).slug},
        ),
        "learning:assessment_peer_withdraw": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
    }
)

# The reviewer's door, outside /p/<slug>/: it shows one round of ANOTHER partnership to a coordinator of
# the invited partnership, and is a 404 for everyone else (after withdrawal too). It is not the tenancy
# door and does not loosen it; tests/test_peer_review_door.py walks who gets what.
PUBLIC_OR_PERSONAL = {"peer_reviews", "peer_review"}
