"""Reading the environment, with one clear message when a production value is missing or bad."""

from __future__ import annotations

import environ
from django.core.exceptions import ImproperlyConfigured

env = environ.Env()


class SettingError(ImproperlyConfigured):
    """Raised at start-up when a variable that production needs is missing or malformed."""


def debug() -> bool:
    try:
        return env.bool("DEBUG", default=False)
    except ValueError as exc:  # pragma: no cover - message only
        raise SettingError("DEBUG must be true or false (for example DEBUG=false).") from exc


def required(name: str, *, dev_default: str | None, is_debug: bool, check=None, hint: str = "") -> str:
    """Return the variable's value; in production a missing or malformed one stops the start-up."""
    value = env.str(name, default="")
    if not value:
        if is_debug and dev_default is not None:
            return dev_default
        raise SettingError(f"{name} is not set. {hint}".strip())
    if check is not None:
        try:
            check(value)
        except Exception as exc:
            raise SettingError(f"{name} is malformed: {exc}. {hint}".strip()) from exc
    return value


def parse_db_url(value: str) -> dict:
    if not value.startswith(("postgres://", "postgresql://", "sqlite://")):
        raise ValueError("ASPM runs on PostgreSQL (postgres://...) or SQLite (sqlite:///path)")
    return environ.Env.db_url_config(value)


def parse_email_url(value: str) -> dict:
    config = environ.Env.email_url_config(value)
    if not config.get("EMAIL_BACKEND"):
        raise ValueError("unknown email scheme")
    return config


def check_redis_url(value: str) -> None:
    if not value.startswith(("redis://", "rediss://")):
        raise ValueError("expected redis://host:port/db")


def check_hosts(value: str) -> None:
    hosts = [h.strip() for h in value.split(",") if h.strip()]
    if not hosts:
        raise ValueError("expected a comma-separated list of host names")
    if "*" in hosts:
        raise ValueError("'*' is not allowed in production; list the host names")


def check_secret(value: str) -> None:
    if len(value) < 50 or len(set(value)) < 5:
        raise ValueError("use at least 50 random characters")
    if value.startswith("django-insecure"):
        raise ValueError("the development key must not be used in production")
