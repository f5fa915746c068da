"""A return's evidence files: attaching (from the Evidence section), downloading, removing."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from aspm.deleting import delete_then_redirect
from aspm.forms import call_service
from aspm.uploads import file_response
from partnerships.access import Perm, get_object_for, scoped
from partnerships.decorators import partnership_view

from ...models.returns import ReturnAttachment
from .. import selectors, tasklist
from ..forms import AttachmentForm
from ..services import evidence
from .access import get_return
from .sections import render_sections


def _evidence_page(request, return_):
    return reverse(
        "reports:return_section", kwargs={"slug": request.partnership.slug, "pk": return_.pk, "section": "evidence"}
    )


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
            return redirect(_evidence_page(request, return_))
    if not return_.is_editable:
        messages.error(request, "The file was not attached: " + " ".join(m for e in form.errors.values() for m in e))
        return redirect("reports:return_detail", slug=request.partnership.slug, pk=return_.pk)
    loaded = selectors.return_page(return_)
    shown = [s for s in tasklist.sections(loaded) if s.kind == "evidence"]
    return render_sections(request, loaded, shown, attachment_form=form, status=422)


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
        back=reverse(
            "reports:return_section", kwargs={"slug": request.partnership.slug, "pk": pk, "section": "evidence"}
        ),
    )
