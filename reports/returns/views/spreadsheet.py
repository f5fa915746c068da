"""A return filled in from a spreadsheet: the return's template, the upload with its preview, and
the confirmation that writes the figures into the draft (all or nothing)."""

from __future__ import annotations

import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from aspm.errors import in_words
from aspm.spreadsheets import check_spreadsheet_upload
from partnerships.access import Perm
from partnerships.decorators import partnership_view

from .. import spreadsheet
from .access import get_return

TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Your spreadsheet", help_text="The return's template, filled in: .xlsx, .xls, .ods or .csv."
    )


def _store_key(return_) -> str:
    return f"return-upload-{return_.pk}"


@partnership_view(need=Perm.VIEW)
def return_spreadsheet_template(request: HttpRequest, pk: int) -> HttpResponse:
    return_ = get_return(request, pk, need=Perm.SUBMIT_OWN_RETURN)
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    content = spreadsheet.render(spreadsheet.template_dataset(return_), fmt)
    response = HttpResponse(content, content_type=TYPES[fmt])
    name = f"return-{return_.organisation.name}-{return_.period.label}".lower()
    safe = "".join(c if c.isalnum() else "-" for c in name).strip("-")
    response["Content-Disposition"] = f'attachment; filename="{safe}.{fmt}"'
    return response


@partnership_view(need=Perm.VIEW)
def return_spreadsheet_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the upload form. POST with a file: the preview. POST with ``confirm``: the figures
    go into the draft."""
    return_ = get_return(request, pk, need=Perm.SUBMIT_OWN_RETURN)
    back = redirect("reports:return_detail", slug=request.partnership.slug, pk=return_.pk)
    if not return_.is_editable:
        messages.error(request, f"This return is {return_.get_status_display().lower()}, so it cannot be changed.")
        return back
    form = UploadForm(request.POST or None, request.FILES or None)
    upload, token, status = None, "", 200
    if request.method == "POST" and request.POST.get("confirm"):
        stored = request.session.get(_store_key(return_))
        if not stored or stored["token"] != request.POST.get("token"):
            messages.error(request, "That preview has expired: upload the file again.")
            return redirect("reports:return_spreadsheet", slug=request.partnership.slug, pk=return_.pk)
        with default_storage.open(stored["path"], "rb") as handle:
            content = handle.read()
        try:
            upload = spreadsheet.return_fill_from_upload(actor=request.user, return_=return_, content=content)
        except ValidationError as error:
            messages.error(request, "Nothing was saved: " + in_words(error))
            return redirect("reports:return_spreadsheet", slug=request.partnership.slug, pk=return_.pk)
        default_storage.delete(stored["path"])
        del request.session[_store_key(return_)]
        messages.success(
            request, f"{len(upload.rows)} figures from your spreadsheet are in the draft. Check them, then submit."
        )
        return back
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            check_spreadsheet_upload(uploaded)
        except ValidationError as error:
            form.add_error("file", error.messages)
            status = 422
        else:
            content = uploaded.read()
            upload = spreadsheet.read_upload(return_, content)
            if upload.ok:
                token = secrets.token_urlsafe(16)
                path = default_storage.save(f"imports/{request.partnership.pk}/{token}.bin", ContentFile(content))
                request.session[_store_key(return_)] = {"token": token, "path": path}
            else:
                status = 422
    elif request.method == "POST":
        status = 422
    context = {"return": return_, "form": form, "upload": upload, "token": token}
    return render(request, "reports/returns/spreadsheet.html", context, status=status)
