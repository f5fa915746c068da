"""Personal API tokens: make, revoke, and authenticate with them.

A token belongs to a person, not to a partnership, but it acts in each of the person's
partnerships. So each change is written to the audit log of *every* partnership the owner belongs
to when it happens (``apitoken.create`` / ``apitoken.revoke``): the coordinators who can see what a
token did can also see when it was made and withdrawn. A person with no partnership has nothing a
token could reach, and no audit log to write to.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from aspm.errors import ConflictError

from .. import audit
from ..access import memberships_of
from ..models import User
from ..models_tokens import PREFIX_LENGTH, TOKEN_SCHEME, ApiToken, hash_secret

MAX_ACTIVE_TOKENS = 20
LAST_USED_RESOLUTION = timedelta(minutes=1)  # last-used time is written at most once a minute


def _record(*, actor: User, token: ApiToken, action: str, changes: dict) -> None:
    for membership in memberships_of(token.user):
        audit.record(
            actor=actor,
            partnership=membership.partnership,
            action=action,
            obj=token,
            object_repr=f"API token {token} of {token.user.email}",
            changes=changes,
        )


def token_create(*, actor: User, name: str) -> tuple[ApiToken, str]:
    """Make a token for ``actor``. Returns it with its secret, which is never stored or shown again."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "Give the token a name that says what it is for."})
    if len(name) > 100:
        raise ValidationError({"name": "Keep the name to 100 characters or fewer."})
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=actor.pk).first()  # one creation at a time per person
        active = ApiToken.objects.filter(user=actor, revoked_at__isnull=True)
        if active.filter(name__iexact=name).exists():
            raise ValidationError({"name": "You already have a token with this name. Choose another name."})
        if active.count() >= MAX_ACTIVE_TOKENS:
            raise ValidationError(f"You have {MAX_ACTIVE_TOKENS} tokens. Revoke one you no longer use first.")
        body = secrets.token_urlsafe(32)
        secret = f"{TOKEN_SCHEME}{body}"
        token = ApiToken(user=actor, name=name, prefix=body[:PREFIX_LENGTH], secret_hash=hash_secret(secret))
        token.full_clean()
        token.save()
        _record(actor=actor, token=token, action="apitoken.create", changes={"name": [None, name]})
    return token, secret


def token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    """Withdraw a token at once: every later request with it is refused (401). Its owner may, and so
    may platform staff (from the admin: a token reported lost or leaked)."""
    if token.user_id != actor.pk and not actor.is_staff:
        raise PermissionDenied("You can revoke only your own tokens.")
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
        if token.revoked_at is not None:
            raise ConflictError("This token was already revoked.")
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        _record(
            actor=actor,
            token=token,
            action="apitoken.revoke",
            changes={"revoked_at": [None, token.revoked_at.isoformat()]},
        )
    return token


def token_for_secret(secret: str) -> ApiToken | None:
    """The active token with this secret and an active owner, or None."""
    if not secret.startswith(TOKEN_SCHEME) or len(secret) > 100:
        return None
    token = ApiToken.objects.select_related("user").filter(secret_hash=hash_secret(secret)).first()
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    return token


def token_touch(*, token: ApiToken) -> None:
    """Note that the token was used: at most one write a minute, like a login time (not audited)."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_RESOLUTION:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now


def tokens_of(user: User):
    """The person's tokens: active ones first, newest first."""
    return ApiToken.objects.filter(user=user).order_by(F("revoked_at").desc(nulls_first=True), "-created_at", "-id")
