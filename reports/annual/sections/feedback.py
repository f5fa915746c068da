"""What people told us: survivor, service-user and training follow-up feedback in the annual report.

For each feedback form with answers in the year, the answers of the year to each question with
answers to choose from, and the "You said, we did" log of the year. Answers are anonymous and the
groups small, so the partnership's disclosure policy applies to this section whoever reads the report
(as on the feedback pages): a question with fewer answers than the threshold is not shown at all, and
the counts of the others are protected together (``actionplans.learning.feedback_disclosure``): a
small count is hidden, and so is any figure from which it could be worked out. Free-text answers are
never printed here; the log's words go through the review of words for publication.
"""

from __future__ import annotations

from actionplans.learning import feedback_bank as bank
from actionplans.learning import feedback_selectors as selectors
from actionplans.learning.models import FeedbackForm, FeedbackResponse
from aspm.disclosure.suppression import suppress_count
from partnerships.access import scoped
from partnerships.selectors import disclosure_policy

from .base import ReportContext, Section


def _forms(ctx: ReportContext) -> tuple[list[dict], object]:
    """The year's forms with their protected results, and the policy applied (None when no answers)."""
    answers = (
        scoped(ctx.partnership, FeedbackResponse)
        .filter(answered_on__gte=ctx.year.start, answered_on__lte=ctx.year.end)
        .values_list("form_id", "answers")
    )
    by_form: dict[int, list[dict]] = {}
    for form_id, given in answers:
        by_form.setdefault(form_id, []).append(given)
    if not by_form:
        return [], None
    policy = ctx.disclosure or disclosure_policy(ctx.partnership)
    forms = scoped(ctx.partnership, FeedbackForm).filter(pk__in=by_form).select_related("organisation")
    rows = []
    for form in forms.order_by("title", "id"):
        given = by_form[form.pk]
        questions = []
        for key in form.questions:
            q = bank.BY_KEY.get(key)
            if q is None or q.kind == bank.TEXT:
                continue
            values = [a[key] for a in given if key in a]
            questions.append(selectors.question_result(q, values, policy.group_minimum, policy))
        rows.append({"form": form, "answers": suppress_count(len(given), policy=policy), "questions": questions})
    return rows, policy


def _you_said(ctx: ReportContext) -> list[dict]:
    entries = selectors.you_said(ctx.partnership).filter(date__gte=ctx.year.start, date__lte=ctx.year.end)
    return [
        {
            "date": e.date,
            "you_said": ctx.publishable(f"yousaidwedid:{e.pk}:you_said", "You said, we did: you said", e.you_said),
            "we_did": ctx.publishable(f"yousaidwedid:{e.pk}:we_did", "You said, we did: we did", e.we_did),
            "form": e.form.title if e.form else "",
            "actions": [(a.title, a.get_status_display().lower()) for a in e.actions.all()],
        }
        for e in entries
    ]


def _feedback(ctx: ReportContext) -> dict:
    """Two queries with no feedback in the year (the answers, the log); five with some (the policy, the
    forms, the log's actions)."""
    forms, policy = _forms(ctx)
    withheld = any(q.any_withheld for f in forms for q in f["questions"])
    return {
        "forms": forms,
        "you_said": _you_said(ctx),
        "minimum": policy.group_minimum if policy else None,
        "policy_summary": policy.summary if withheld else "",
    }


FEEDBACK = Section(
    key="feedback",
    title="What people told us, and what we changed",
    template="reports/annual/sections/feedback.html",
    gather=_feedback,
    help_text="Feedback from survivors, service users and people trained, shown only above the small-count "
    "threshold, and the “You said, we did” log of the year.",
)
