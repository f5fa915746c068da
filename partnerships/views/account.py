"""Pages outside any partnership: the list of my partnerships, accepting an invitation, health."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from aspm.client_ip import client_address
from aspm.errors import in_words
from aspm.forms import call_service

from .. import services
from ..access import memberships_of
from ..forms import AcceptInvitationForm
from ..forms_auth import PasswordResetRequestForm


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Where sign-in lands: straight into the only partnership, or a choice of several."""
    memberships = list(memberships_of(request.user))
    if len(memberships) == 1 and not request.GET.get("all"):
        return redirect("partnerships:home", slug=memberships[0].partnership.slug)
    return render(request, "partnerships/my_partnerships.html", {"memberships_list": memberships})


@never_cache
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationError as error:
        return render(request, "partnerships/invitation_invalid.html", {"reason": error.messages[0]}, status=410)

    user = request.user if request.user.is_authenticated else None
    account_exists = services.User.objects.filter(email__iexact=invitation.email).exists()
    form = AcceptInvitationForm(request.POST or None) if not account_exists else None

    if request.method == "POST":
        if account_exists:
            if user is None:
                return redirect(f"{reverse('login')}?next={request.path}")
            ok, membership = _accept(request, token=token, user=user)
        else:
            ok = False
            if form.is_valid():
                ok, membership = call_service(
                    form,
                    services.invitation_accept,
                    token=token,
                    full_name=form.cleaned_data["full_name"],
                    password=form.cleaned_data["password1"],
                )
                if ok:
                    login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
        if ok:
            messages.success(request, f"Welcome to {membership.partnership.name}.")
            return redirect("partnerships:home", slug=membership.partnership.slug)

    return render(
        request,
        "partnerships/invitation_accept.html",
        {"invitation": invitation, "form": form, "account_exists": account_exists, "signed_in_as": user},
    )


def _accept(request, *, token, user):
    try:
        return True, services.invitation_accept(token=token, user=user)
    except ValidationError as error:
        messages.error(request, in_words(error))
        return False, None


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "accessibility.html")


def disclosure_rules(request: HttpRequest) -> HttpResponse:
    """How small counts are protected in published outputs: the same for every partnership."""
    from aspm.disclosure import policy

    return render(request, "disclosure_rules.html", {"rules": policy})


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and docker-compose: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


class PasswordResetRequestView(auth_views.PasswordResetView):
    """Django's reset page with our form: limited per email and per client address, the email sent
    by the worker (partnerships.password_reset)."""

    form_class = PasswordResetRequestForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "address": client_address(self.request)}
