"""The free-text review of a version for publication (annual or quarterly report): one page listing
each flagged sentence with its source and reasons, a decision per sentence, and the button that makes
the version once every sentence is decided."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aspm import fields as text
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view
from reports.models import ReportJob, ReportJobStatus, TextDecisionKind

from . import selectors, services
from .kinds import kind_of

FIRST_UNREVIEWED = "first unreviewed"


class DecisionForm(forms.Form):
    source = forms.CharField(max_length=120)
    digest = forms.CharField(max_length=64)
    decision = forms.ChoiceField(choices=TextDecisionKind.choices)
    replacement = forms.CharField(required=False, max_length=text.SHORT, widget=forms.Textarea)
    confirm = forms.BooleanField(required=False)


def _job(request, pk: int) -> ReportJob:
    jobs = ReportJob.objects.select_related("requested_by", "partnership")
    return get_object_for(request.membership, jobs, pk=pk, need=Perm.START_REPORT)


def _page(request, job: ReportJob, *, errors=None, failed=None, posted=None, status=200) -> HttpResponse:
    """``errors``: [(message, anchor)] for the error summary; ``failed``: (source, digest) of the item whose
    form was refused, shown again with what was typed (``posted``)."""
    review = selectors.publication_review(job)
    items = review.items
    sources = []
    index = {}
    for n, item in enumerate(items, start=1):
        item.number = n
        item.earlier = item.decision is not None and item.decision.decided_at < job.created_at
        item.failed = failed == (item.source, item.digest)
        if item.source not in index:
            index[item.source] = len(sources)
            sources.append({"label": item.label, "items": []})
        sources[index[item.source]]["items"].append(item)
    done = sum(1 for i in items if i.reviewed)
    first = next((f"#item-{i.digest[:12]}" for i in items if not i.reviewed), "#review-list")
    errors = [(message, first if anchor == FIRST_UNREVIEWED else anchor) for message, anchor in errors or []]
    return render(
        request,
        "reports/annual/review.html",
        {
            "job": job,
            "sources": sources,
            "total": len(items),
            "done": done,
            "remaining": len(items) - done,
            "texts": len(review.sources),
            "threshold": review.threshold,
            "errors": errors,
            "posted": posted or {},
            "in_review": job.status == ReportJobStatus.REVIEW,
            "back": kind_of(job).back,
        },
        status=status,
    )


@partnership_view(need=Perm.VIEW)  # the job itself needs START_REPORT (_job): 404 elsewhere
def publication_review(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    if job.status != ReportJobStatus.REVIEW and job.for_publication:
        messages.info(request, "The text review of this version is finished.")
    return _page(request, job)


@partnership_view(need=Perm.VIEW)  # the job itself needs START_REPORT (_job): 404 elsewhere
@require_POST
def publication_review_decide(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _page(request, job, errors=[("Choose whether to approve the sentence or replace it.", "")], status=400)
    data = form.cleaned_data
    key = (data["source"], data["digest"])
    try:
        services.text_decision_record(actor=request.user, job=job, **data)
    except ValidationError as error:
        found = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        anchor = f"#item-{data['digest'][:12]}"
        errors = [(m, anchor) for messages_ in found.values() for m in messages_]
        return _page(request, job, errors=errors, failed=key, posted=data, status=400)
    done = "approved as written" if data["decision"] == TextDecisionKind.APPROVED else "replaced with your words"
    messages.success(request, f"The sentence is {done}.")
    url = redirect("reports:publication_review", slug=request.partnership.slug, pk=job.pk).url
    return redirect(f"{url}#item-{data['digest'][:12]}")


@partnership_view(need=Perm.VIEW)  # the job itself needs START_REPORT (_job): 404 elsewhere
@require_POST
def publication_review_finish(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    try:
        services.publication_review_finish(actor=request.user, job=job)
    except ValidationError as error:
        return _page(request, job, errors=[(m, FIRST_UNREVIEWED) for m in error.messages], status=400)
    messages.success(request, "Every sentence is reviewed. The version for publication is being made.")
    return redirect("reports:annual_job", slug=request.partnership.slug, pk=job.pk)
