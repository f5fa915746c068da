"""ASPM settings. Every value that differs between machines comes from the environment.

With ``DEBUG=true`` (what ``make run`` sets) missing values fall back to an embedded
default: SQLite in ``var/``, email printed to the console, Celery on a filesystem broker.
With ``DEBUG`` unset or false (production), ``SECRET_KEY``, ``ALLOWED_HOSTS``,
``DATABASE_URL``, ``REDIS_URL`` and ``EMAIL_URL`` must be set and well formed, or the
start-up stops with a message naming the variable.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF

from .env import (
    check_hosts,
    check_redis_url,
    check_secret,
    debug,
    env,
    parse_db_url,
    parse_email_url,
    required,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.str("ASPM_VAR_DIR", default=str(BASE_DIR / "var")))

DEBUG = debug()

SECRET_KEY = required(
    "SECRET_KEY",
    dev_default="django-insecure-development-only-key-never-use-this-in-production-0123456789",
    is_debug=DEBUG,
    check=None if DEBUG else check_secret,
    hint="Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(64))'",
)

ALLOWED_HOSTS = [
    h.strip()
    for h in required(
        "ALLOWED_HOSTS",
        dev_default="localhost,127.0.0.1,[::1],testserver",
        is_debug=DEBUG,
        check=check_hosts,
        hint="A comma-separated list, e.g. ALLOWED_HOSTS=aspm.example.org",
    ).split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATABASE_URL = required(
    "DATABASE_URL",
    dev_default=f"sqlite:///{VAR_DIR / 'aspm.sqlite3'}",
    is_debug=DEBUG,
    check=parse_db_url,
    hint="e.g. DATABASE_URL=postgres://user:password@host:5432/aspm",
)
DATABASES = {"default": parse_db_url(DATABASE_URL)}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if env.bool("DB_PGBOUNCER", default=False):
        # Behind pgbouncer in transaction pooling (docs/scaling.md): a server-side cursor would
        # outlive the transaction that pgbouncer gives back to its pool.
        DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
else:
    # SQLite (the embedded default and the tests): the dev server, the worker and the browser tests'
    # live server write from several connections. IMMEDIATE transactions take the write lock when
    # they begin, so a second writer waits (up to the timeout) instead of failing at once with
    # "database is locked" when a read transaction tries to become a write; WAL lets reads go on
    # during a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

REDIS_URL = required(
    "REDIS_URL",
    dev_default="",
    is_debug=DEBUG,
    check=check_redis_url,
    hint="e.g. REDIS_URL=redis://localhost:6379/0",
)

EMAIL_CONFIG = parse_email_url(
    required(
        "EMAIL_URL",
        dev_default="consolemail://",
        is_debug=DEBUG,
        check=parse_email_url,
        hint="e.g. EMAIL_URL=smtp+tls://user:password@smtp.example.org:587",
    )
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ASPM <no-reply@aspm.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "import_export",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "aspm",
    "aspm.imports",
    "partnerships",
    "indicators",
    "actionplans",
    "reports",
    "actionplans.learning",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "aspm.sessions.RenewSessionMiddleware",  # renews an idle session's expiry at most once a minute
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "aspm.urls"
WSGI_APPLICATION = "aspm.wsgi.application"
ASGI_APPLICATION = "aspm.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partnerships.context_processors.tenancy",
            ],
            "builtins": ["aspm.templatetags.dates"],  # {{ day|long_date }}, {{ day|table_date }}
        },
    },
]

AUTH_USER_MODEL = "partnerships.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first, so a locked-out person is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link works for one day
# Reset emails asked for per hour, per email address and per client address (partnerships/password_reset.py).
PASSWORD_RESET_PER_EMAIL = env.int("PASSWORD_RESET_PER_EMAIL", default=3)
PASSWORD_RESET_PER_ADDRESS = env.int("PASSWORD_RESET_PER_ADDRESS", default=10)

# Sign-in throttling (django-axes): lock the username *with* the address, never the address
# alone, because a council's staff share one office address. A cool-off, not a permanent lock.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
# The client's address: one rule (aspm/client_ip.py) for the lockout here and the API's rate limits.
AXES_CLIENT_IP_CALLABLE = "aspm.client_ip.client_address"
AXES_VERBOSE = False

# How many proxies of our own stand in front of gunicorn (each appends to X-Forwarded-For). 0: the
# connection's address is the client's and X-Forwarded-For is ignored (anyone can send one).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Sessions end after two idle hours or when the browser closes. Activity renews the session at most
# once a minute (aspm/sessions.py), not with a write on every request.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=2 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_RENEW_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)

# The address people use to reach ASPM: links in emails sent by background jobs (no request there).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0]}").rstrip("/")

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English (UK)")]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]
FORMAT_MODULE_PATH = ["aspm.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"  # never served directly: files go out through views that check membership
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": env.str("FILE_STORAGE", default="django.core.files.storage.FileSystemStorage")},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
UPLOAD_MAX_BYTES = 20 * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Caches: Redis when configured (shared by web and workers), memory otherwise. The Redis cache
# fails open (aspm/cache.py): with Redis unreachable every read is a miss and every write is
# skipped, with a log line, so no page or API call fails because of the cache.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "aspm.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery. With REDIS_URL: Redis broker and result store. Without: a filesystem broker in var/,
# served by the worker that `make run` starts beside the web server (fine for a laptop; it can
# lose a task whose worker is killed, so production uses Redis).
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
CELERY_WORKER_MAX_TASKS_PER_CHILD = 50
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
# Task modules the app's autodiscovery (each app's tasks.py) does not find: named here, not imported
# from an AppConfig.ready.
CELERY_IMPORTS = ("reports.returns.tasks", "reports.monitoring.tasks")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    # Longer than the longest task (the time limit), for broker and result store alike.
    _visibility = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 5 * 60}
    CELERY_BROKER_TRANSPORT_OPTIONS = dict(_visibility)
    CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = dict(_visibility)
    CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
    # When Redis is unreachable, queueing from a web request gives up within a few seconds (the
    # caller keeps the request, e.g. a report job stays queued for the sweeper) instead of hanging
    # the page: a short connection timeout and a short publish retry, for the broker and results.
    CELERY_BROKER_CONNECTION_TIMEOUT = 2
    CELERY_BROKER_TRANSPORT_OPTIONS["socket_connect_timeout"] = 2
    _short_retry = {"max_retries": 2, "interval_start": 0.2, "interval_step": 0.5, "interval_max": 1}
    CELERY_TASK_PUBLISH_RETRY_POLICY = dict(_short_retry)
    CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS["retry_policy"] = dict(_short_retry)
    CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
else:
    _queue_dir = VAR_DIR / "celery-queue"
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(VAR_DIR / "celery-processed"),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = False
# The annual report (minutes of WeasyPrint) can go to a queue of its own, served by worker hosts of
# its own (`celery -A aspm worker -Q reports`), so reminders and sweeps never wait behind it.
# Empty (the default): everything on Celery's one default queue, as one worker serves it.
CELERY_REPORTS_QUEUE = env.str("CELERY_REPORTS_QUEUE", default="")
if CELERY_REPORTS_QUEUE:
    CELERY_TASK_ROUTES = {"reports.tasks.render_annual_report": {"queue": CELERY_REPORTS_QUEUE}}
# A report job's worker records a heartbeat this often while WeasyPrint lays the pages out; the
# sweeper (every minute) marks a job silent for 90 s as failed, with Retry (reports/jobs/services/engine.py).
REPORT_HEARTBEAT_SECONDS = env.float("REPORT_HEARTBEAT_SECONDS", default=10.0)
# Periodic jobs are declared in one place: aspm/schedule.py (read by aspm/celery.py).

# Security headers. django-csp 4: dict settings. Scripts and styles come only from our own
# static files; style attributes are allowed for Bootstrap components and progress bars.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CSRF_FAILURE_VIEW = "aspm.error_pages.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # A 403 or 404 is one line in the log, not a traceback (aspm/error_pages.py); 5xx keep theirs.
    "filters": {"one_line_4xx": {"()": "aspm.error_pages.OneLineClientErrors"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["one_line_4xx"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint.progress": {"level": "WARNING"}},
}

# The JSON API (aspm/api/): token or session sign-in, one exception handler for every error body,
# pages of at most 100 rows, and one rate limit per token (cache-based: Redis in production).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "aspm.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["aspm.api.parsers.JSONParser"],  # DRF's, with a nesting limit
    "DEFAULT_PAGINATION_CLASS": "aspm.api.pagination.PagePagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["aspm.api.throttling.TokenRateThrottle"],
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,  # the throttle itself asks aspm.client_ip (the same rule)
    "DEFAULT_THROTTLE_RATES": {
        "api": env.str("API_RATE", default="600/minute"),  # per token (or per signed-in person)
        "api_anonymous": env.str("API_ANONYMOUS_RATE", default="60/minute"),  # the public schema, per address
    },
    "EXCEPTION_HANDLER": "aspm.api.exceptions.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "aspm.api.schema.ApiAutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ASPM API",
    "DESCRIPTION": "Read a partnership's plan and send figures from another system. See the README's API section.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",  # served from our static files: no CDN, allowed by the CSP
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "persistAuthorization": False, "validatorUrl": None},
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "RagStatusEnum": "actionplans.models.RagStatus",
        "ReturnStatusEnum": "reports.models.returns.ReturnStatus",
        "ProgressStatusEnum": "indicators.measurement.progress.Status",
        "ReportJobStatusEnum": "reports.models.annual.ReportJobStatus",
        "RecommendationStatusEnum": "actionplans.learning.models.RecStatus",
    },
}
