"""A return's page: the organisation fills it in (with autosave), submits it and adds evidence;
everyone allowed to read it sees it. Reviewing is in views_review.py."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from actionplans.models import RagStatus
from aspm.deleting import delete_then_redirect
from aspm.errors import in_words
from aspm.formatting import format_for
from aspm.forms import add_service_errors, call_service
from aspm.uploads import file_response
from partnerships.access import Perm, can, get_object_for, scoped
from partnerships.decorators import partnership_view

from ..models.returns import ReturnAttachment, ReturnStatus
from . import selectors, services
from .figures import DIMENSIONS, last_quarter_figures, return_breaches
from .forms import (
    ApproveForm,
    AttachmentForm,
    NarrativeForm,
    ReasonForm,
    figure_field_names,
    figures_from_post,
)
from .services import action_updates, evidence


def get_return(request: HttpRequest, pk: int, need: Perm | None = None):
    """The return, if this member may see it (404 otherwise, also for another organisation's
    return seen by a SPOC); then 403 unless the member has ``need`` for it."""
    return get_object_for(
        request.membership,
        selectors.returns_visible_to(request.membership),
        pk=pk,
        need=need,
        organisation_of=lambda r: r.organisation,
    )


@partnership_view(need=Perm.VIEW)
def return_list(request: HttpRequest) -> HttpResponse:
    """Readers of every return get the completeness dashboard; a SPOC gets their own returns."""
    if can(request.membership, Perm.VIEW_ALL_RETURNS):
        from .views_review import dashboard

        return dashboard(request)
    returns = selectors.returns_visible_to(request.membership).order_by("-period__start")
    return render(request, "reports/returns/my_returns.html", {"returns": returns, "today": timezone.localdate()})


def _previous(indicator, value):
    """Last quarter's figure in the indicator's unit ("71.7%", "Yes", "£1,200"), or None."""
    return format_for(value, indicator) if value is not None else None


def _typed(post, name: str, stored) -> str:
    """What a figure's box shows: what was just posted, else the stored number without trailing zeros."""
    if post is not None:
        return post.get(name, "")
    return f"{stored.normalize():f}" if stored is not None else ""


def _figure_rows(return_, post=None, errors=None, breaches=()):
    rows = []
    last_quarter = last_quarter_figures(return_)
    for figure in return_.figures.all():
        last = last_quarter.get(figure.indicator_id)
        names = figure_field_names(figure)
        dims = []
        for dimension in figure.indicator.disaggregation or []:
            if dimension not in DIMENSIONS:
                continue
            label, categories = DIMENSIONS[dimension]
            stored = (figure.breakdown or {}).get(dimension, {})
            dims.append(
                {
                    "label": label,
                    "parts": [
                        {
                            "name": f"{names['prefix']}-{dimension}-{code}",
                            "label": cat_label,
                            "value": post.get(f"{names['prefix']}-{dimension}-{code}", "")
                            if post is not None
                            else stored.get(code, ""),
                        }
                        for code, cat_label in categories.items()
                    ],
                }
            )
        rows.append(
            {
                "figure": figure,
                "names": names,
                "value": _typed(post, names["value"], figure.value),
                "numerator": _typed(post, names["numerator"], figure.numerator),
                "denominator": _typed(post, names["denominator"], figure.denominator),
                "text": post.get(names["text"], "") if post is not None else figure.text_value,
                "comment": post.get(names["comment"], "") if post is not None else figure.comment,
                "dims": dims,
                "errors": (errors or {}).get(f"figure-{figure.indicator_id}", []),
                "breaches": [b for b in breaches if b.involves(figure.indicator_id)],
                "previous": _previous(figure.indicator, last.value if last else figure.previous_value),
                "previous_text": (last.text_value if last else figure.previous_text) or "",
            }
        )
    return rows


def _action_rows(return_, post=None, errors=None):
    rows = []
    for update in return_.action_updates.all():
        names = action_updates.field_names(update)
        rows.append(
            {
                "update": update,
                "action": update.action,
                "names": names,
                "status": post.get(names["status"], "") if post is not None else update.status,
                "note": post.get(names["note"], "") if post is not None else update.note,
                "errors": (errors or {}).get(f"action-{update.action_id}", []),
            }
        )
    return rows


def _render_return(request, return_, *, form=None, post=None, errors=None, status=200, reason_form=None):
    return_ = selectors.return_page(return_)
    membership = request.membership
    can_edit = return_.is_editable and can(membership, Perm.SUBMIT_OWN_RETURN, organisation=return_.organisation)
    can_review = can(membership, Perm.REVIEW_RETURNS)
    last_reason = next((t for t in reversed(return_.transitions.all()) if t.reason), None)
    breaches = return_breaches(return_, return_.figures.all())
    context = {
        "return": return_,
        "can_edit": can_edit,
        "can_review": can_review,
        "form": form or NarrativeForm(return_=return_),
        "figure_rows": _figure_rows(return_, post, errors, breaches),
        "action_rows": _action_rows(return_, post, errors),
        "rag_choices": RagStatus.choices,
        "attachment_form": AttachmentForm(),
        "approve_form": ApproveForm(initial={"version": return_.version}),
        "reason_form": reason_form or ReasonForm(initial={"version": return_.version}),
        "last_reason": last_reason if return_.status == ReturnStatus.RETURNED else None,
        "problems": services.return_problems(return_, breaches) if can_edit else [],
        "rule_breaches": breaches,
        "today": timezone.localdate(),
    }
    return render(request, "reports/returns/detail.html", context, status=status)


@partnership_view(need=Perm.VIEW)
def return_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return_ = get_return(request, pk)
    if request.method == "POST":
        return _save(request, get_return(request, pk, need=Perm.SUBMIT_OWN_RETURN))
    # No write here: the rows were prepared when the return opened, reopened or went back, and when
    # what the organisation reports changed (services.return_prepare).
    return _render_return(request, return_)


def _save(request, return_):
    """Save the draft (button "Save draft") or save and submit (button "Submit")."""
    form = NarrativeForm(request.POST, return_=return_)
    form.is_valid()
    figures = figures_from_post(request.POST, return_.figures.select_related("indicator"))
    actions = action_updates.action_updates_from_post(request.POST, return_.action_updates.all())
    try:
        services.return_save_draft(
            actor=request.user, return_=return_, narrative=form.cleaned_data, figures=figures, actions=actions
        )
        if "submit" in request.POST:
            services.return_submit(actor=request.user, return_=return_)
            messages.success(request, "The return is submitted. The coordinator will review it.")
        else:
            messages.success(request, "Your draft is saved.")
        return redirect("reports:return_detail", slug=request.partnership.slug, pk=return_.pk)
    except ValidationError as error:
        by_field = getattr(error, "error_dict", {})
        figure_errors = {
            k: [m for e in v for m in e.messages] for k, v in by_field.items() if k.startswith(("figure-", "action-"))
        }
        if figure_errors:
            form.add_error(None, "Some figures or action updates need correcting: see the messages beside them.")
        else:
            add_service_errors(form, error)
        return _render_return(request, return_, form=form, post=request.POST, errors=figure_errors, status=422)


@partnership_view(need=Perm.VIEW)
@require_POST
def return_autosave(request: HttpRequest, pk: int) -> HttpResponse:
    """Saves as the SPOC types (htmx). Answers a short status line and ``X-Autosave: saved``;
    anything else tells the page the text was not saved (e.g. the session ended)."""
    return_ = get_return(request, pk, need=Perm.SUBMIT_OWN_RETURN)
    form = NarrativeForm(request.POST, return_=return_)
    form.is_valid()
    figures = figures_from_post(request.POST, return_.figures.select_related("indicator"))
    actions = action_updates.action_updates_from_post(request.POST, return_.action_updates.all())
    try:
        saved = services.return_save_draft(
            actor=request.user,
            return_=return_,
            narrative=form.cleaned_data,
            figures=figures,
            actions=actions,
            keep_going=True,
        )
    except ValidationError as error:
        response = render(request, "reports/returns/autosave_status.html", {"error": in_words(error)})
        response["X-Autosave"] = "refused"
        return response
    errors = getattr(saved, "figure_errors", {})
    response = render(
        request,
        "reports/returns/autosave_status.html",
        {"saved_at": timezone.localtime(), "figure_errors": errors, "version": saved.version},
    )
    response["X-Autosave"] = "saved"
    response["X-Return-Version"] = str(saved.version)
    return response


@partnership_view(need=Perm.VIEW)
@require_POST
def return_attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    return_ = get_return(request, pk, need=Perm.SUBMIT_OWN_RETURN)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        ok, attachment = call_service(
            form,
            evidence.attachment_add,
            actor=request.user,
            return_=return_,
            uploaded=form.cleaned_data["file"],
            description=form.cleaned_data["description"],
        )
        if ok:
            messages.success(request, f"{attachment} is attached.")
            return redirect("reports:return_detail", slug=request.partnership.slug, pk=return_.pk)
    messages.error(request, "The file was not attached: " + " ".join(m for e in form.errors.values() for m in e))
    return redirect("reports:return_detail", slug=request.partnership.slug, pk=return_.pk)


def _attachment(request, pk: int, attachment_pk: int, need=None) -> ReturnAttachment:
    return_ = get_return(request, pk, need=need)
    return get_object_for(
        request.membership, scoped(request.partnership, ReturnAttachment).filter(return_obj=return_), pk=attachment_pk
    )


@partnership_view(need=Perm.VIEW)
def return_attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    attachment = _attachment(request, pk, attachment_pk)
    return file_response(attachment.file, download_name=attachment.original_name)


@partnership_view(need=Perm.VIEW)
@require_POST
def return_attachment_delete(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    attachment = _attachment(request, pk, attachment_pk, need=Perm.SUBMIT_OWN_RETURN)
    return delete_then_redirect(
        request,
        lambda: evidence.attachment_delete(actor=request.user, attachment=attachment),
        done=f"{attachment} is removed.",
        back=reverse("reports:return_detail", kwargs={"slug": request.partnership.slug, "pk": pk}),
    )
