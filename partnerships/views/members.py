"""Members and invitations (coordinators manage; every member can see who is in the partnership)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aspm.errors import in_words
from aspm.forms import call_service

from .. import selectors, services
from ..access import ROLE_PERMISSIONS, Perm, can, get_object_for
from ..decorators import partnership_view
from ..forms import InviteForm, MembershipRoleForm
from ..models import Invitation, Membership, Role


@partnership_view(need=Perm.VIEW)
def member_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    can_manage = can(request.membership, Perm.MANAGE_MEMBERS)
    context = {
        "members": selectors.members(partnership),
        "invitations": selectors.pending_invitations(partnership) if can_manage else [],
        "role_table": _role_table(),
    }
    return render(request, "partnerships/member_list.html", context)


def _role_table() -> list[dict]:
    """The role -> permission table as rows a person can read."""
    labels = {
        Perm.VIEW: "Read the plan, indicators, action plan and dashboards",
        Perm.DOWNLOAD_REPORT: "Download reports",
        Perm.UPDATE_OWN_ACTIONS: "Update the actions their organisation owns",
        Perm.UPDATE_OWN_RECOMMENDATIONS: "Add progress notes to the recommendations their organisation owns",
        Perm.RATE_OWN_SELF_ASSESSMENT: "Rate their organisation in a self-assessment round",
        Perm.SUBMIT_OWN_RETURN: "Fill in and submit their organisation's quarterly return",
        Perm.VIEW_ALL_RETURNS: "Read every organisation's returns",
        Perm.EDIT_PLAN: "Write the plan: objectives, indicators, targets, risks",
        Perm.UPDATE_ANY_ACTION: "Update any action",
        Perm.MANAGE_RECOMMENDATIONS: "Keep the recommendations register and answer recommendations",
        Perm.REVIEW_RETURNS: "Approve or return quarterly returns",
        Perm.MANAGE_PERIODS: "Open and lock reporting periods",
        Perm.START_REPORT: "Start reports",
        Perm.MANAGE_MEMBERS: "Invite and remove members, change roles",
        Perm.MANAGE_PARTNERSHIP: "Change the partnership's details and organisations",
        Perm.VIEW_AUDIT: "Read the audit log",
    }
    return [
        {"label": label, "cells": [perm in ROLE_PERMISSIONS[role] for role in Role.values]}
        for perm, label in labels.items()
    ]


@partnership_view(need=Perm.MANAGE_MEMBERS)
def member_invite(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = InviteForm(request.POST or None, organisations=selectors.active_organisations(partnership))
    if request.method == "POST" and form.is_valid():
        ok, result = call_service(
            form,
            services.invitation_create,
            actor=request.user,
            partnership=partnership,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            organisation=form.cleaned_data["organisation"],
            accept_url_builder=lambda token: request.build_absolute_uri(
                reverse("invitation_accept", kwargs={"token": token})
            ),
        )
        if ok:
            invitation, _token = result
            messages.success(
                request,
                f"An invitation is on its way to {invitation.email}. "
                f"The link works once and expires on {invitation.expires_at:%-d %B %Y}.",
            )
            return redirect("partnerships:members", slug=partnership.slug)
    return render(request, "partnerships/member_invite.html", {"form": form})


@partnership_view(need=Perm.VIEW)
def member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_object_for(
        request.membership, Membership.objects.select_related("user"), pk=pk, need=Perm.MANAGE_MEMBERS
    )
    form = MembershipRoleForm(
        request.POST or None,
        initial={
            "role": membership.role,
            "organisation": membership.organisation_id,
            "named_in_publications": membership.named_in_publications,
        },
        organisations=selectors.active_organisations(request.partnership),
    )
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form,
            services.membership_change_role,
            actor=request.user,
            membership=membership,
            role=form.cleaned_data["role"],
            organisation=form.cleaned_data["organisation"],
        )
        named = form.cleaned_data["named_in_publications"]
        if ok and named != membership.named_in_publications:
            ok, _ = call_service(
                form,
                services.membership_set_named_in_publications,
                actor=request.user,
                membership=membership,
                named=named,
            )
        if ok:
            messages.success(request, f"{membership.user}'s role is saved.")
            return redirect("partnerships:members", slug=request.partnership.slug)
    return render(request, "partnerships/member_edit.html", {"form": form, "member": membership})


@partnership_view(need=Perm.VIEW)
@require_POST
def member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_object_for(
        request.membership, Membership.objects.select_related("user"), pk=pk, need=Perm.MANAGE_MEMBERS
    )
    try:
        services.membership_remove(actor=request.user, membership=membership)
        messages.success(request, f"{membership.user} is no longer a member of this partnership.")
    except ValidationError as error:
        messages.error(request, in_words(error))
    if membership.user_id == request.user.id and not Membership.objects.filter(pk=membership.pk).exists():
        return redirect("home")
    return redirect("partnerships:members", slug=request.partnership.slug)


@partnership_view(need=Perm.VIEW)
@require_POST
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_for(request.membership, Invitation, pk=pk, need=Perm.MANAGE_MEMBERS)
    try:
        services.invitation_revoke(actor=request.user, invitation=invitation)
        messages.success(request, f"The invitation to {invitation.email} is withdrawn.")
    except ValidationError as error:
        messages.error(request, in_words(error))
    return redirect("partnerships:members", slug=request.partnership.slug)
