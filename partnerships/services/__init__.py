"""Every change to partnerships, organisations, members and invitations.

Keyword-only functions taking the acting user; each validates, runs in one transaction and
writes its audit event in that transaction (through :mod:`partnerships.audit`).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from aspm import hooks, mail
from aspm.disclosure import policy as disclosure_rules
from aspm.errors import ConflictError
from aspm.financial_calendar import calendar_of
from aspm.validators import single_line

from .. import audit
from ..access import check_same_partnership
from ..models import DisclosurePolicy, Invitation, Membership, Organisation, Partnership, Role, User

# --- partnerships -------------------------------------------------------------------------

PARTNERSHIP_EDITABLE = ("name", "area", "financial_year_start_month")


def partnership_create(*, actor: User | None, name: str, slug: str, area: str, **extra) -> Partnership:
    with transaction.atomic():
        partnership = audit.create(actor=actor, obj=Partnership(name=name, slug=slug, area=area, **extra))
        hooks.run("partnership_created", actor=actor, partnership=partnership)
    return partnership


def partnership_update(*, actor: User, partnership: Partnership, **values) -> Partnership:
    unknown = set(values) - set(PARTNERSHIP_EDITABLE)
    if unknown:
        raise ValidationError(f"These details cannot be changed here: {', '.join(sorted(unknown))}.")
    return audit.update(actor=actor, obj=partnership, values=values)


def partnership_archive(*, actor: User | None, partnership: Partnership, reason: str) -> Partnership:
    """Archive a partnership: its data and audit log stay, and from now on none of its members can
    open it (its pages and API answer 404, as for a partnership that does not exist; it leaves
    their list of partnerships). Nothing is deleted. The reason is kept in the audit log."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the partnership is archived: the reason is kept in its audit log."})
    with transaction.atomic():
        locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
        if locked.archived_at is not None:
            raise ConflictError(f"{locked} was already archived on {locked.archived_at:%-d %B %Y}.")
        now = timezone.now()
        Partnership.objects.filter(pk=locked.pk).update(is_active=False, archived_at=now, updated_at=now)
        audit.record(
            actor=actor,
            partnership=locked,
            action="partnership.archive",
            obj=locked,
            changes={
                "is_active": [locked.is_active, False],
                "archived_at": [None, now.isoformat()],
                "reason": [None, reason],
            },
        )
        locked.is_active, locked.archived_at = False, now
    partnership.is_active, partnership.archived_at = locked.is_active, locked.archived_at
    return partnership


# --- disclosure policy -------------------------------------------------------------------

REASON_FREE_DAYS = 31  # a change in the first month of the financial year needs no reason


def disclosure_policy_update(
    *, actor: User | None, partnership: Partnership, method: str, threshold: int, reason: str = "", today=None
) -> DisclosurePolicy:
    """Choose how small counts are protected in outputs that leave the partnership.

    Audited (who, when, the old and new rules, and why). A change after the first month of the
    financial year needs a reason: outputs already published that year keep the rules they were
    made with (nothing is re-rendered), so readers may meet two sets of rules in one year.
    """
    errors = {}
    if method not in disclosure_rules.METHOD_LABELS:
        errors["method"] = "Choose how small counts are protected."
    try:
        threshold = int(threshold)
    except (TypeError, ValueError):
        threshold = None
    message = disclosure_rules.validate_threshold(threshold)
    if message:
        errors["threshold"] = message
    if errors:
        raise ValidationError(errors)
    reason = (reason or "").strip()
    with transaction.atomic():
        Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
        row = DisclosurePolicy.objects.filter(partnership=partnership).first()
        current = row.as_policy() if row else disclosure_rules.DEFAULT_POLICY
        if (current.method, current.threshold) == (method, threshold):
            return row or audit.create(
                actor=actor,
                obj=DisclosurePolicy(
                    partnership=partnership, method=method, threshold=threshold, changed_by=_user(actor)
                ),
            )
        if not reason and _mid_year(partnership, today or timezone.localdate()):
            raise ValidationError(
                {
                    "reason": "Say why the rules change part-way through the year: reports already published "
                    "this year keep the rules they were made with."
                }
            )
        values = {"method": method, "threshold": threshold, "reason": reason, "changed_by": _user(actor)}
        if row is None:
            return audit.create(actor=actor, obj=DisclosurePolicy(partnership=partnership, **values))
        return audit.update(actor=actor, obj=row, values=values)


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def _mid_year(partnership: Partnership, today) -> bool:
    return (today - calendar_of(partnership).year_start(today)).days >= REASON_FREE_DAYS


# --- organisations ------------------------------------------------------------------------


def organisation_create(*, actor: User | None, partnership: Partnership, name: str, sector: str) -> Organisation:
    _check_unique_organisation_name(partnership, name)
    return audit.create(actor=actor, obj=Organisation(partnership=partnership, name=name.strip(), sector=sector))


def organisation_update(*, actor: User, organisation: Organisation, **values) -> Organisation:
    if "name" in values:
        _check_unique_organisation_name(organisation.partnership, values["name"], exclude_pk=organisation.pk)
        values["name"] = values["name"].strip()
    return audit.update(actor=actor, obj=organisation, values=values)


def organisation_delete(*, actor: User, organisation: Organisation) -> None:
    if Membership.objects.filter(organisation=organisation).exists():
        raise ConflictError(
            "This organisation still has a partner SPOC. Change or remove that member first, "
            "or mark the organisation as inactive instead."
        )
    audit.delete(actor=actor, obj=organisation)


def _check_unique_organisation_name(partnership: Partnership, name: str, exclude_pk: int | None = None) -> None:
    clash = Organisation.objects.filter(partnership=partnership, name__iexact=name.strip())
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError({"name": "The partnership already has an organisation with this name."})


# --- members ------------------------------------------------------------------------------


def _check_role(partnership: Partnership, role: str, organisation: Organisation | None) -> None:
    if role not in Role.values:
        raise ValidationError({"role": "Choose one of the roles offered."})
    if role == Role.SPOC:
        if organisation is None:
            raise ValidationError({"organisation": "A partner SPOC must speak for one organisation: choose it."})
        check_same_partnership(partnership, [organisation])
    elif organisation is not None:
        raise ValidationError({"organisation": "Only a partner SPOC is linked to an organisation."})


def _check_spoc_free(organisation: Organisation | None, role: str, exclude_pk: int | None = None) -> None:
    if role != Role.SPOC or organisation is None:
        return
    taken = Membership.objects.filter(organisation=organisation, role=Role.SPOC)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    holder = taken.select_related("user").first()
    if holder is not None:
        raise ValidationError(
            {
                "organisation": f"{organisation} already has a SPOC ({holder.user}). "
                "Change that member's role first: each organisation has one SPOC."
            }
        )


def _lock_members_of(partnership: Partnership) -> None:
    """Serialise changes to a partnership's members (call inside a transaction, before any check).

    Locking only the membership being changed let two coordinators demote each other at once:
    each saw the other still a coordinator, and the partnership was left with none. Every change
    that could remove a coordinator (role change, removal) takes this lock on the partnership's row
    first, so the second waits for the first and then counts what the first left.
    """
    Partnership.objects.select_for_update().filter(pk=partnership.pk).values_list("pk", flat=True).first()


def _check_not_last_coordinator(membership: Membership) -> None:
    if membership.role != Role.COORDINATOR:
        return
    others = Membership.objects.filter(partnership=membership.partnership, role=Role.COORDINATOR).exclude(
        pk=membership.pk
    )
    if not others.exists():
        raise ValidationError("This is the partnership's last coordinator. Make someone else a coordinator first.")


def _check_not_member(partnership: Partnership, user: User) -> None:
    if Membership.objects.filter(partnership=partnership, user=user).exists():
        raise ValidationError({"email": f"{user.email} is already a member of this partnership."})


def _member_written(write, *, partnership: Partnership, user: User, role: str, organisation, exclude_pk=None):
    """``write()`` in a savepoint; a clash with a row written meanwhile becomes the checks' own message.

    The partnership lock makes a second assignment wait and then fail its check. Where the database
    has no row locks (SQLite) two can still pass the checks together, and the loser's insert breaks a
    unique constraint: that IntegrityError was a 500. It is now checked again and said in words.
    """
    try:
        with transaction.atomic():
            return write()
    except IntegrityError:
        _check_spoc_free(organisation, role, exclude_pk=exclude_pk)
        if exclude_pk is None:
            _check_not_member(partnership, user)
        raise


def membership_create(
    *, actor: User | None, partnership: Partnership, user: User, role: str, organisation: Organisation | None = None
) -> Membership:
    _check_role(partnership, role, organisation)
    with transaction.atomic():
        _lock_members_of(partnership)
        _check_not_member(partnership, user)
        _check_spoc_free(organisation, role)
        membership = Membership(partnership=partnership, user=user, role=role, organisation=organisation)
        return _member_written(
            lambda: audit.create(actor=actor, obj=membership),
            partnership=partnership,
            user=user,
            role=role,
            organisation=organisation,
        )


def membership_change_role(
    *, actor: User, membership: Membership, role: str, organisation: Organisation | None = None
) -> Membership:
    with transaction.atomic():
        _lock_members_of(membership.partnership)
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        _check_role(membership.partnership, role, organisation)
        if role != Role.COORDINATOR:
            _check_not_last_coordinator(membership)
        _check_spoc_free(organisation, role, exclude_pk=membership.pk)
        return _member_written(
            lambda: audit.update(
                actor=actor,
                obj=membership,
                values={"role": role, "organisation": organisation},
                action="membership.change_role",
            ),
            partnership=membership.partnership,
            user=membership.user,
            role=role,
            organisation=organisation,
            exclude_pk=membership.pk,
        )


def membership_set_named_in_publications(*, actor: User, membership: Membership, named: bool) -> Membership:
    """Whether published outputs may print this person's name (audited). Off by default: a published
    output names nobody the partnership has not marked, with their agreement."""
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        return audit.update(
            actor=actor,
            obj=membership,
            values={"named_in_publications": bool(named)},
            action="membership.named_in_publications",
        )


def membership_remove(*, actor: User, membership: Membership) -> None:
    with transaction.atomic():
        _lock_members_of(membership.partnership)
        current = Membership.objects.select_related("partnership").filter(pk=membership.pk).first()
        if current is None:
            raise ValidationError("This person is no longer a member: someone removed them already.")
        membership = current
        _check_not_last_coordinator(membership)
        audit.delete(actor=actor, obj=membership, action="membership.remove")


# --- invitations --------------------------------------------------------------------------


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_create(
    *,
    actor: User,
    partnership: Partnership,
    email: str,
    role: str,
    organisation: Organisation | None = None,
    accept_url_builder=None,
) -> tuple[Invitation, str]:
    """Invite ``email`` with ``role``. Returns the invitation and its one-time token.

    A pending invitation to the same address is replaced. The email is sent once the
    transaction commits; ``accept_url_builder(token)`` makes the absolute link for it.
    """
    email = User.objects.normalize_email(email.strip()).lower()
    _check_role(partnership, role, organisation)
    if Membership.objects.filter(partnership=partnership, user__email__iexact=email).exists():
        raise ValidationError({"email": f"{email} is already a member of this partnership."})
    _check_spoc_free(organisation, role)
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        now = timezone.now()
        for old in Invitation.objects.select_for_update().filter(
            partnership=partnership, email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
        ):
            audit.update(actor=actor, obj=old, values={"revoked_at": now}, action="invitation.replace")
        invitation = audit.create(
            actor=actor,
            obj=Invitation(
                partnership=partnership,
                email=email,
                role=role,
                organisation=organisation,
                token_hash=_hash_token(token),
                invited_by=actor,
                expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
            ),
        )
        if accept_url_builder is not None:
            link = accept_url_builder(token)
            transaction.on_commit(lambda: _send_invitation_email(invitation, link))
    return invitation, token


def _send_invitation_email(invitation: Invitation, link: str) -> None:
    context = {"invitation": invitation, "link": link, "partnership": invitation.partnership}
    mail.send(
        subject=f"You are invited to {invitation.partnership.name} on ASPM",
        body=render_to_string("emails/invitation.txt", context),
        recipients=[invitation.email],
    )


def invitation_revoke(*, actor: User, invitation: Invitation) -> Invitation:
    if invitation.state != "pending":
        raise ValidationError("Only a pending invitation can be withdrawn.")
    return audit.update(actor=actor, obj=invitation, values={"revoked_at": timezone.now()}, action="invitation.revoke")


class InvitationError(ValidationError):
    """The link cannot be used: unknown, expired, already used or withdrawn."""


def invitation_for_token(token: str) -> Invitation:
    """The invitation a link points to, or :class:`InvitationError` saying why it cannot be used."""
    invitation = (
        Invitation.objects.select_related("partnership", "organisation").filter(token_hash=_hash_token(token)).first()
    )
    if invitation is None:
        raise InvitationError("This invitation link is not valid. Check that you copied the whole link.")
    messages = {
        "accepted": "This invitation has already been used. Sign in instead, or ask the coordinator for a new one.",
        "revoked": "This invitation was withdrawn. Ask the partnership's coordinator for a new one.",
        "expired": "This invitation has expired. Ask the partnership's coordinator to send a new one.",
    }
    if invitation.state in messages:
        raise InvitationError(messages[invitation.state])
    if invitation.partnership.archived_at is not None:
        raise InvitationError("This partnership has been archived, so the invitation can no longer be used.")
    return invitation


def invitation_accept(*, token: str, user: User | None = None, full_name: str = "", password: str = "") -> Membership:
    """Use an invitation: an existing user (signed in with the invited address) joins, or a new
    account is made with ``full_name`` and ``password``. Single use, even if clicked twice at once."""
    with transaction.atomic():
        invitation = invitation_for_token(token)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.state != "pending":
            raise InvitationError("This invitation has already been used.")
        if user is None:
            if User.objects.filter(email__iexact=invitation.email).exists():
                raise InvitationError("An account with this email address exists: sign in to accept.")
            if not full_name.strip():
                raise ValidationError({"full_name": "Enter your name as colleagues know it."})
            try:
                single_line(full_name.strip())
            except ValidationError as error:
                raise ValidationError({"full_name": error.messages}) from error
            candidate = User(email=invitation.email, full_name=full_name.strip())
            validate_password(password, user=candidate)
            try:
                user = User.objects.create_user(email=invitation.email, password=password, full_name=full_name.strip())
            except IntegrityError as exc:  # pragma: no cover - a race with another sign-up
                raise InvitationError("An account with this email address exists: sign in to accept.") from exc
        elif user.email.lower() != invitation.email.lower():
            raise InvitationError(
                f"This invitation was sent to {invitation.email}, but you are signed in as {user.email}."
            )
        membership = membership_create(
            actor=user,
            partnership=invitation.partnership,
            user=user,
            role=invitation.role,
            organisation=invitation.organisation,
        )
        audit.update(
            actor=user,
            obj=invitation,
            values={"accepted_at": timezone.now(), "accepted_by": user},
            action="invitation.accept",
        )
        return membership


# --- users (platform level: the demo seeder and the admin) --------------------------------


def user_ensure(*, email: str, full_name: str, password: str | None = None) -> User:
    """The user with this email, made if missing (used by the seeder; never changes a password)."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=password, full_name=full_name)
    return user
