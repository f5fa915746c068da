"""Production settings: a missing or malformed variable stops the start-up and names itself;
check --deploy is clean; migrations are complete."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD = {
    "DEBUG": "false",
    "SECRET_KEY": "k3Jd9s-Qp0x_vB7nL2mZ8rT5yW1cF4hG6jK0eA9uI3oP7sD2fX5vN8bM1qR4tY6",
    "ALLOWED_HOSTS": "aspm.example.org",
    "DATABASE_URL": "postgres://aspm:secret@db.internal:5432/aspm",
    "REDIS_URL": "redis://redis.internal:6379/0",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    "DJANGO_SETTINGS_MODULE": "aspm.settings.base",
}


def _manage(*args, **env_changes):
    env = {k: v for k, v in os.environ.items() if k not in GOOD and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(GOOD)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_URL"])
def test_a_missing_production_variable_stops_start_up_and_is_named(variable):
    result = _manage("check", **{variable: None})
    assert result.returncode != 0
    assert f"{variable} is not set" in result.stderr


@pytest.mark.parametrize(
    "variable,bad",
    [
        ("DATABASE_URL", "mongodb://nowhere"),
        ("REDIS_URL", "localhost:6379"),
        ("SECRET_KEY", "short"),
        ("ALLOWED_HOSTS", "*"),
        ("EMAIL_URL", "pigeon://loft"),
    ],
)
def test_a_malformed_production_variable_stops_start_up_and_is_named(variable, bad):
    result = _manage("check", **{variable: bad})
    assert result.returncode != 0
    assert f"{variable} is malformed" in result.stderr


def test_production_settings_pass_check_deploy_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_migrations_are_complete():
    result = _manage("makemigrations", "--check", "--dry-run", DATABASE_URL="sqlite:///:memory:")
    assert result.returncode == 0, result.stdout + result.stderr
