"""Test settings: the production settings with a fast hasher and tasks run in the test process.

The database is ``DATABASE_URL`` when set (CI: PostgreSQL), SQLite otherwise. Tests marked
``worker`` switch eager mode off and go through the real Celery worker CI starts on Redis.
"""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "test-secret-key-for-the-test-run-only-abcdefghijklmnopqrstuvwxyz0123")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("EMAIL_URL", "consolemail://")
os.environ.setdefault(
    "DATABASE_URL", "sqlite:///" + os.path.join(os.path.dirname(__file__), "..", "..", "var", "test.sqlite3")
)
if not os.environ.get("REDIS_URL"):
    os.environ["DEBUG"] = "true"  # embedded defaults for the broker; the rest is set above

from .base import *  # noqa: E402,F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
# No heartbeat thread in eager tests: its own connection would wait on the test's transaction.
# tests/test_report_heartbeat.py switches it on where it is the subject.
REPORT_HEARTBEAT_SECONDS = 0
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
AXES_ENABLED = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
# The API's rate limits would stop the isolation walk; tests of throttling set their own rates.
_RATES = {"api": "100000/minute", "api_anonymous": "100000/minute"}
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": _RATES}  # noqa: F405
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not SQLite's shared in-memory database: the browser tests' live server answers requests
    # on threads of its own, and an in-memory database would have them all share one connection
    # (two overlapping requests then fail with "cannot start a transaction within a transaction").
    # pytest-django adds each xdist worker's suffix to the name.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test_run.sqlite3")}  # noqa: F405
