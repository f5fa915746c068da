"""Load benchmark at county size on the production shape: every page against the site's bare page.

    make bench-load                      # or: python bench/load.py [--users 20] [--seconds 10]

Seeds the large demo (Greater Westmoor) into a PostgreSQL database of its own, or reuses it when it
is there (``BENCH_DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/aspm_bench``);
collects the static files; starts gunicorn with the production settings (DEBUG off, Redis cache
``BENCH_REDIS_URL``, ``--workers`` processes); signs the county's coordinator in (a session made
directly, and an API token that is revoked at the end); then measures the floor (the accessibility
statement: full middleware, session, base template) and each page, first alone (the median of
``--runs`` requests one after another) and then under ``--users`` people asking at once for
``--seconds`` (the 95th percentile and the requests per second), and prints the table with each
page's ratio to the floor. Nothing here asserts a time: it measures and prints.
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/aspm_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/14"
COUNTY = "westmoor"


def _env(args) -> dict[str, str]:
    var = Path(tempfile.gettempdir()) / f"aspm-bench-{urlparse(args.db).path.strip('/')}"
    return {
        **os.environ,
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "aspm.settings.base",
        "SECRET_KEY": "bench-" + "k" * 60,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": args.db,
        "REDIS_URL": args.redis,
        "EMAIL_URL": "consolemail://",
        "ASPM_VAR_DIR": str(var),
        "SECURE_SSL_REDIRECT": "false",
        "API_RATE": "100000000/minute",  # the benchmark is one token asking fast; the limit is not measured
        "LOG_LEVEL": "WARNING",
    }


def _manage(env: dict, *argv: str) -> None:
    subprocess.run([PYTHON, "manage.py", *argv], cwd=ROOT, env=env, check=True)  # noqa: S603 - our own command


def _ensure_database(args, env: dict) -> None:
    import psycopg2

    url = urlparse(args.db)
    name = url.path.strip("/")
    admin = psycopg2.connect(url._replace(path="/postgres").geturl())
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            print(f"Creating the database {name} and seeding the large demo (a few minutes, once).")
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    _manage(env, "migrate", "--noinput", "-v0")
    conn = psycopg2.connect(args.db)
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM partnerships_partnership WHERE slug = %s", [COUNTY])
        seeded = cursor.fetchone()
    conn.close()
    if not seeded:
        _manage(env, "seed_demo", "--size", "large", "--allow-production", "--quiet-logins")
        # Fresh tables have no planner statistics until autovacuum comes round; without them
        # PostgreSQL guesses 5 rows for 5,000 actions and picks slow plans that no real site has.
        conn = psycopg2.connect(args.db)
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute("ANALYZE")
        conn.close()
    if not args.skip_static:
        _manage(env, "collectstatic", "--noinput", "-v0")


class Visitor:
    """The county's coordinator: a session for the pages, an API token for the API."""

    def __init__(self, env: dict):
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.db import SessionStore

        from actionplans.models import Action
        from aspm.sessions import RENEWED_AT
        from indicators.models import Indicator
        from partnerships.models import Membership, Role
        from partnerships.services.tokens import token_create
        from reports.models import Return

        membership = Membership.objects.select_related("user", "partnership").get(
            partnership__slug=COUNTY, role=Role.COORDINATOR, user__email=f"coordinator@{COUNTY}.example"
        )
        self.user = membership.user
        session = SessionStore()
        session[SESSION_KEY] = str(self.user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = self.user.get_session_auth_hash()
        session[RENEWED_AT] = int(time.time())
        session.create()
        self.cookie = f"sessionid={session.session_key}"
        self.token, self.secret = token_create(actor=self.user, name="load benchmark (revoked at the end)")
        p = membership.partnership
        indicator = Indicator.objects.filter(partnership=p).order_by("pk").first()
        ret = Return.objects.filter(partnership=p).order_by("-due_date", "pk").first()
        action = Action.objects.filter(partnership=p).order_by("pk").first()
        base = f"/p/{p.slug}"
        self.pages = [
            ("floor (accessibility page)", "/accessibility/"),
            ("home dashboard", f"{base}/"),
            ("health page", f"{base}/health/"),
            ("results table", f"{base}/results/"),
            ("indicator page", f"{base}/indicators/{indicator.pk}/"),
            ("action plan", f"{base}/actions/"),
            ("action page", f"{base}/actions/{action.pk}/"),
            ("return form", f"{base}/returns/{ret.pk}/"),
            ("API indicators ×100", f"/api/v1/p/{p.slug}/indicators/?page_size=100"),
            ("API actions ×100", f"/api/v1/p/{p.slug}/actions/?page_size=100"),
        ]

    def headers(self, path: str) -> dict[str, str]:
        if path.startswith("/api/"):
            return {"Authorization": f"Bearer {self.secret}"}
        return {"Cookie": self.cookie}

    def close(self) -> None:
        from partnerships.services.tokens import token_revoke

        token_revoke(actor=self.user, token=self.token)


def _get(port: int, path: str, headers: dict) -> tuple[float, int]:
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https", **headers})
    response = conn.getresponse()
    response.read()
    conn.close()
    return (time.perf_counter() - start) * 1000, response.status


def _alone(port: int, path: str, headers: dict, runs: int) -> float:
    for _ in range(3):  # warm: each worker's first request, the caches
        _, status = _get(port, path, headers)
        if status != 200:
            raise SystemExit(f"GET {path} answered {status}")
    return statistics.median(_get(port, path, headers)[0] for _ in range(runs))


def _under_load(port: int, path: str, headers: dict, users: int, seconds: float) -> tuple[float, float, int]:
    timings: list[float] = []
    failures = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def person():
        mine, bad = [], 0
        while time.perf_counter() < stop:
            ms, status = _get(port, path, headers)
            mine.append(ms)
            bad += status != 200
        with lock:
            timings.extend(mine)
            failures[0] += bad

    started = time.perf_counter()
    threads = [threading.Thread(target=person) for _ in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
    return p95, len(timings) / elapsed, failures[0]


def _start_server(args, env: dict) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603 - our own command line
        [PYTHON, "-m", "gunicorn", "aspm.wsgi", "--workers", str(args.workers), "--bind", f"127.0.0.1:{args.port}"],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            if _get(args.port, "/healthz", {})[1] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz within 20 seconds")


def _ms(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 10 else f"{value:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20, help="people asking at once (default 20)")
    parser.add_argument("--seconds", type=float, default=8.0, help="how long each page is under load")
    parser.add_argument("--runs", type=int, default=30, help="requests one after another, alone")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3)")
    parser.add_argument("--port", type=int, default=8765 + secrets.randbelow(500))
    parser.add_argument("--only", help="measure only the pages whose name contains this (and the floor)")
    parser.add_argument("--skip-static", action="store_true", help="reuse the static files collected last time")
    parser.add_argument("--db", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS))
    args = parser.parse_args()

    env = _env(args)
    _ensure_database(args, env)
    visitor = Visitor(env)
    server = _start_server(args, env)
    pages = [p for i, p in enumerate(visitor.pages) if i == 0 or not args.only or args.only in p[0]]
    rows = []
    try:
        for name, path in pages:
            headers = visitor.headers(path)
            alone = _alone(args.port, path, headers, args.runs)
            p95, rate, failed = _under_load(args.port, path, headers, args.users, args.seconds)
            rows.append((name, alone, p95, rate, failed))
            print(f"  measured {name}: {_ms(alone)} alone, p95 {_ms(p95)} under {args.users}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
        visitor.close()

    floor_alone, floor_p95 = rows[0][1], rows[0][2]
    print(
        f"\nGreater Westmoor on PostgreSQL, gunicorn {args.workers} workers, DEBUG off, {os.cpu_count()} cores; "
        f"{args.users} users for {args.seconds:g} s per page\n"
    )
    print(f"| page | one user, median | ratio to floor | {args.users} users, p95 | p95 ratio | requests/s |")
    print("|---|---|---|---|---|---|")
    for name, alone, p95, rate, failed in rows:
        note = f" ({failed} failed)" if failed else ""
        print(
            f"| {name} | {_ms(alone)} | {alone / floor_alone:.1f}× | {_ms(p95)} | {p95 / floor_p95:.1f}× "
            f"| {rate:,.0f}{note} |"
        )
    worst_alone = max(rows[1:], key=lambda r: r[1])
    worst_p95 = max(rows[1:], key=lambda r: r[2])
    slowest_rate = min(rows[1:], key=lambda r: r[3])
    print(
        f"\nWorst alone: {worst_alone[0]} {worst_alone[1] / floor_alone:.1f}× the floor (goal 5×). "
        f"Worst p95: {worst_p95[0]} {worst_p95[2] / floor_p95:.1f}× the floor's (goal 8×). "
        f"Fewest requests/s: {slowest_rate[0]} {slowest_rate[3]:,.0f} (goal 60)."
    )


if __name__ == "__main__":
    main()
