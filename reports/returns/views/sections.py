"""The return's sections, one per page (figures by strand, action updates, the 4Ps narrative,
evidence), and "Check your answers", from which the return is submitted.

A section's page saves only its own boxes; on any error nothing is saved and the page comes back
with an error summary linking each problem to the box that needs the fix."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from actionplans.models import RagStatus
from aspm.errors import ConflictError, in_words
from aspm.forms import add_service_errors
from partnerships.access import Perm
from partnerships.decorators import partnership_view

from .. import selectors, services, tasklist
from ..figures import return_breaches
from ..forms import AttachmentForm, NarrativeForm, figures_from_post
from ..services import action_updates
from ..services.spend import spend_from_post
from .access import get_return, on_behalf
from .rows import action_rows, figure_rows, spend_rows, spend_totals


def _task_list(request, return_):
    return redirect("reports:return_detail", slug=request.partnership.slug, pk=return_.pk)


def _loaded(request, pk: int):
    """The return with its page's rows, for its organisation while it may change it (403 otherwise)."""
    return_ = get_return(request, pk, need=Perm.SUBMIT_OWN_RETURN)
    return selectors.return_page(return_) if return_.is_editable else None, return_


def _section_url(request, return_, slug: str) -> str:
    return reverse(
        "reports:return_section", kwargs={"slug": request.partnership.slug, "pk": return_.pk, "section": slug}
    )


def render_sections(
    request, return_, shown, *, form=None, post=None, errors=None, summary=(), status=200, attachment_form=None
):
    """The page of ``shown`` sections (one, or all after a whole-return post)."""
    breaches = return_breaches(return_, return_.figures.all())
    all_sections = tasklist.sections(return_)
    names = [s.slug for s in all_sections]
    parts = []
    for section in shown:
        part = {"section": section}
        if section.kind == "figures":
            part["figure_rows"] = figure_rows(return_, section.figures, post, errors, breaches)
        elif section.kind == "actions":
            part["action_rows"] = action_rows(return_, post, errors)
        elif section.kind == "spend":
            part["spend_rows"] = spend_rows(return_, post, errors)
            part["spend_totals"] = spend_totals(return_, post, errors)
        parts.append(part)
    only = shown[0] if len(shown) == 1 else None
    following = names[names.index(only.slug) + 1] if only and names.index(only.slug) + 1 < len(names) else None
    context = {
        "return": return_,
        "parts": parts,
        "section": only,
        "next_section": next((s for s in all_sections if s.slug == following), None),
        "form": form or NarrativeForm(return_=return_),
        "shows_narrative": any(s.kind == "narrative" for s in shown),
        "attachment_form": attachment_form or AttachmentForm(),
        "rag_choices": RagStatus.choices,
        "error_summary": [{"text": link.text, "href": f"#{link.anchor}"} for link in summary],
        "on_behalf": on_behalf(request, return_),
    }
    return render(request, "reports/returns/section.html", context, status=status)


@partnership_view(need=Perm.VIEW)
def return_section(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    return_, plain = _loaded(request, pk)
    if return_ is None:
        return _task_list(request, plain)
    chosen = next((s for s in tasklist.sections(return_) if s.slug == section), None)
    if chosen is None:
        raise Http404("No such section in this return.")
    if request.method == "POST" and chosen.kind != "evidence":
        return save(request, return_, chosen)
    return render_sections(request, return_, [chosen])


def save(request, return_, section=None) -> HttpResponse:
    """Save the boxes posted (``section``: one section's page; None: the whole return, "Save draft"
    or "Submit"). On any error nothing is saved and the page shows why."""
    form = NarrativeForm(request.POST, return_=return_)
    form.is_valid()
    figures = figures_from_post(request.POST, return_.figures.select_related("indicator"))
    actions = action_updates.action_updates_from_post(request.POST, return_.action_updates.all())
    money = spend_from_post(request.POST, return_.spend.all())
    try:
        services.return_save_draft(
            actor=request.user,
            return_=return_,
            narrative=form.posted(),
            figures=figures,
            actions=actions,
            money=money,
        )
        if section is None and "submit" in request.POST:
            services.return_submit(actor=request.user, return_=return_)
            messages.success(
                request,
                f"The {return_.noun} is submitted and waits for your review."
                if on_behalf(request, return_)
                else f"The {return_.noun} is submitted. The coordinator will review it.",
            )
        else:
            messages.success(request, f"Saved: {section.title}." if section else "Your draft is saved.")
        return _task_list(request, return_)
    except ConflictError as error:
        messages.error(request, in_words(error))
        return _task_list(request, return_)
    except ValidationError as error:
        loaded = selectors.return_page(return_)
        every = tasklist.sections(loaded)
        shown = [s for s in every if s.slug == section.slug] if section else [s for s in every if s.kind != "evidence"]
        by_field = getattr(error, "error_dict", {})
        errors = {
            k: [m for e in v for m in e.messages]
            for k, v in by_field.items()
            if k.startswith(("figure-", "action-", "spend-")) or k in ("income_total", "expenditure_total")
        }
        summary = [link for s in shown for link in tasklist.save_error_links(s, errors)]
        if not errors and section is None and "submit" in request.POST:  # something missing: say what
            summary = tasklist.problem_links(loaded, every, services.submit_problems(loaded))
        if not summary:
            add_service_errors(form, error)
        return render_sections(
            request, loaded, shown, form=form, post=request.POST, errors=errors, summary=summary, status=422
        )


@partnership_view(need=Perm.VIEW)
def return_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Check your answers: everything in the return with a Change link to its box; submit from here."""
    return_, plain = _loaded(request, pk)
    if return_ is None:
        return _task_list(request, plain)
    summary, status = [], 200
    if request.method == "POST":
        try:
            services.return_submit(actor=request.user, return_=plain)
            messages.success(
                request,
                f"The {plain.noun} is submitted and waits for your review."
                if on_behalf(request, plain)
                else f"The {plain.noun} is submitted. The coordinator will review it.",
            )
            return _task_list(request, plain)
        except ConflictError as error:
            messages.error(request, in_words(error))
            return _task_list(request, plain)
        except ValidationError:
            status = 422
    breaches = return_breaches(return_, return_.figures.all())
    problems = services.submit_problems(return_, breaches)
    every = tasklist.sections(return_, problems)
    links = tasklist.problem_links(return_, every, problems)
    if status == 422:
        summary = [
            {"text": link.text, "href": f"{_section_url(request, return_, link.section)}#{link.anchor}"}
            for link in links
        ]
    parts = []
    for section in every:
        part = {"section": section, "url": _section_url(request, return_, section.slug)}
        if section.kind == "figures":
            part["figure_rows"] = figure_rows(return_, section.figures, breaches=breaches)
        elif section.kind == "actions":
            part["action_rows"] = action_rows(return_)
        elif section.kind == "spend":
            part["spend_rows"] = spend_rows(return_)
            part["spend_totals"] = spend_totals(return_)
        parts.append(part)
    context = {
        "return": return_,
        "parts": parts,
        "form": NarrativeForm(return_=return_),
        "problems": [
            {"text": link.text, "href": f"{_section_url(request, return_, link.section)}#{link.anchor}"}
            for link in links
        ],
        "error_summary": summary,
        "on_behalf": on_behalf(request, return_),
    }
    return render(request, "reports/returns/check.html", context, status=status)
