"""The "API tokens" page of a person's account: make a token (its secret shown once), revoke one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from aspm.errors import in_words
from aspm.forms import call_service
from partnerships.access import memberships_of
from partnerships.services import tokens as services_tokens


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Token name",
        max_length=100,
        error_messages={"required": "Give the token a name that says what it is for."},
        help_text="Say what will use it, e.g. “Constabulary performance system”, so you know which to revoke later.",
    )


@never_cache  # the page that shows a new secret must not be kept by the browser or a proxy
@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        ok, created = call_service(
            form, services_tokens.token_create, actor=request.user, name=form.cleaned_data["name"]
        )
        if ok:
            form = TokenForm()
    context = {
        "form": form,
        "tokens": services_tokens.tokens_of(request.user),
        "memberships_list": memberships_of(request.user),
        "new_token": created[0] if created else None,
        "new_secret": created[1] if created else None,
        "api_base": request.build_absolute_uri(reverse("api:my-partnerships")),
        "docs_url": reverse("api:docs"),
    }
    return render(request, "api/tokens.html", context)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(services_tokens.tokens_of(request.user), pk=pk)  # only one's own tokens
    try:
        services_tokens.token_revoke(actor=request.user, token=token)
        messages.success(request, f"The token “{token.name}” is revoked: it no longer works.")
    except ValidationError as error:
        messages.error(request, in_words(error))
    return redirect("api_tokens")
