"""Password reset: how often it may be asked for, and the email the worker sends.

Limits (``PASSWORD_RESET_PER_EMAIL``, ``PASSWORD_RESET_PER_ADDRESS`` per hour) count every request,
whether or not the address has an account, so the answer never tells which addresses do. The counts
live in the cache, which fails open: while Redis is away requests are not limited. The email is made
and sent by a Celery task (``partnerships.tasks.send_password_reset_email``) queued when the request's
transaction commits, so a slow mail server never holds up the page.
"""

from __future__ import annotations

import hashlib
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

logger = logging.getLogger(__name__)

WINDOW = 60 * 60  # seconds: the limits are per hour


def _count(kind: str, value: str) -> int:
    """Add one to this hour's count for ``value`` and return it (1 when the cache is unavailable)."""
    key = f"password-reset:{kind}:" + hashlib.sha256(value.encode()).hexdigest()
    if cache.add(key, 1, timeout=WINDOW):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired in between, or the cache is unavailable: fail open
        return 1


def allowed(*, email: str, address: str) -> bool:
    """Count this request; False once the email address or the client's address has asked too often."""
    by_email = _count("email", email.strip().lower())
    by_address = _count("address", address or "unknown")
    return by_email <= settings.PASSWORD_RESET_PER_EMAIL and by_address <= settings.PASSWORD_RESET_PER_ADDRESS


def send_email(user_id: int) -> bool:
    """Make a fresh reset link for this person and email it (in the worker)."""
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password() or not user.email:
        return False
    site = urlsplit(settings.SITE_URL)
    context = {
        "email": user.email,
        "domain": site.netloc,
        "site_name": "ASPM",
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": site.scheme or "https",
    }
    subject = "".join(loader.render_to_string("registration/password_reset_subject.txt", context).splitlines())
    body = loader.render_to_string("registration/password_reset_email.html", context)
    EmailMultiAlternatives(subject, body, None, [user.email]).send()
    return True
