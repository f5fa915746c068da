"""Walk a running ASPM over HTTP as the demo people of Northshire: the production shape's smoke test.

Run by ``.ci/production-shape`` against gunicorn with DEBUG off (production settings), behind a
pretend proxy: every request says ``X-Forwarded-Proto: https``, as the real proxy would, so the
Secure cookies, CSRF's origin check and HSTS behave as in production. Standard library only.

    python tests/production_shape/walk.py http://127.0.0.1:8123 pages
    python tests/production_shape/walk.py http://127.0.0.1:8123 report
    python tests/production_shape/walk.py http://127.0.0.1:8123 without-redis

Exits non-zero, naming each failure, if any page answers 5xx (or a check below fails).
"""

from __future__ import annotations

import argparse
import sys
import time
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.error import HTTPError
from urllib.parse import urlencode, urljoin, urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

PASSWORD = "aspm-demo-2026"  # the demo accounts' password (README, "Demo logins")
SLUG = "northshire"
ROLES = {
    "coordinator": "coordinator@northshire.example",
    "spoc": "spoc1@northshire.example",
    "board": "board@northshire.example",
    "viewer": "viewer@northshire.example",
}
# The main pages of a partnership (each role sees some, is refused others: never a 5xx).
MAIN_PAGES = [
    "",
    "plan/",
    "objectives/",
    "logframe/",
    "risks/",
    "funding/",
    "indicators/",
    "results/",
    "progress/",
    "evidence/",
    "actions/",
    "actions/mine/",
    "returns/",
    "annual-reports/",
    "annual-reports/new/",
    "health/",
    "meetings/",
    "members/",
    "organisations/",
    "audit/",
]
LINKS_PER_PAGE = 40  # links followed from the home page and the plan, besides the list above
REPORT_TIMEOUT = 240  # seconds


class Failures(list):
    def check(self, ok: bool, what: str) -> bool:
        print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
        if not ok:
            self.append(what)
        return ok


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Page:
    def __init__(self, status: int, url: str, headers, body: bytes, took: float):
        self.status, self.url, self.headers, self.body, self.took = status, url, headers, body, took

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Browser:
    """Cookies by hand (urllib's jar keeps Secure cookies off plain-HTTP addresses, and the
    pretend proxy means our cookies are Secure) and redirects followed one at a time."""

    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.origin = "https://" + urlsplit(self.base).netloc  # what the browser would send behind TLS
        self.cookies: dict[str, str] = {}
        self.opener = build_opener(_NoRedirect)

    def request(
        self,
        path: str,
        data: dict | None = None,
        *,
        follow: bool = True,
        timeout: float = 60,
        extra: dict | None = None,
    ) -> Page:
        url = urljoin(self.base + "/", path.lstrip("/")) if not path.startswith("http") else path
        for _hop in range(10):
            headers = {"X-Forwarded-Proto": "https", "User-Agent": "aspm-production-shape", **(extra or {})}
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            body = None
            if data is not None:
                body = urlencode(data, doseq=True).encode()
                headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin})
                headers["Referer"] = self.origin + urlsplit(url).path
            started = time.monotonic()
            try:
                response = self.opener.open(Request(url, data=body, headers=headers), timeout=timeout)  # noqa: S310 (http only)
                status, response_headers, content = response.status, response.headers, response.read()
            except HTTPError as error:
                status, response_headers, content = error.code, error.headers, error.read()
            took = time.monotonic() - started
            for raw in response_headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(raw).items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
            location = response_headers.get("Location")
            if follow and status in (301, 302, 303, 307, 308) and location:
                url, data = urljoin(url, location), None
                continue
            return Page(status, url, response_headers, content, took)
        raise RuntimeError(f"too many redirects from {path}")

    def form_fields(self, page: Page, action_contains: str = "") -> dict:
        parser = _FormParser(action_contains)
        parser.feed(page.text)
        return parser.fields

    def sign_in(self, email: str) -> Page:
        form = self.request("/accounts/login/")
        fields = self.form_fields(form, "login")
        fields.update({"username": email, "password": PASSWORD})
        return self.request("/accounts/login/", fields)


class _FormParser(HTMLParser):
    """The fields a browser would send for the first form whose action contains ``action_contains``:
    hidden and text inputs, checked boxes, each select's selected (or first) option, textareas."""

    def __init__(self, action_contains: str):
        super().__init__()
        self.want, self.fields, self.in_form, self.done = action_contains, {}, False, False
        self._select: str | None = None
        self._select_first: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        action = a.get("action") or ""
        if tag == "form" and not self.done and (not action or self.want in action) and "logout" not in action:
            self.in_form = True  # the first form posting to this page (no action) or to ``want``
        if not self.in_form:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.setdefault(name, []).append(a.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                self.fields[name] = a.get("value") or ""
        elif tag == "select" and name:
            self._select, self._select_first = name, None
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None:
                self._select_first = value
                self.fields[self._select] = value
            if "selected" in a:
                self.fields[self._select] = value
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self.in_form:
            self.in_form, self.done = False, True

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "link" and a.get("href"):
            self.assets.append(a["href"])
        if tag == "script" and a.get("src"):
            self.assets.append(a["src"])


def links_of(page: Page) -> _Links:
    parser = _Links()
    parser.feed(page.text)
    return parser


def _followable(href: str) -> bool:
    path = urlsplit(href).path
    return (
        href.startswith(f"/p/{SLUG}/")
        and not urlsplit(href).netloc
        and "logout" not in path
        and not path.endswith(("/delete/", "/remove/"))
    )


def walk_pages(base: str, failures: Failures, *, roles=ROLES) -> None:
    anonymous = Browser(base)
    sign_in_page = anonymous.request("/accounts/login/")
    failures.check(sign_in_page.status == 200, f"sign-in page answers 200 (got {sign_in_page.status})")
    failures.check(
        "max-age" in (sign_in_page.headers.get("Strict-Transport-Security") or ""),
        "HSTS is sent behind the proxy",
    )
    assets = links_of(sign_in_page).assets
    failures.check(any("/static/" in a for a in assets), "the sign-in page links static files")
    for asset in assets:
        if asset.startswith("/static/"):
            got = anonymous.request(asset)
            failures.check(got.status == 200, f"static file {asset} answers 200 (got {got.status})")
    # Static files have content-hashed names: cached for good by browsers, and sent compressed
    css = next((a for a in assets if a.startswith("/static/") and a.endswith(".css")), "")
    if css:
        got = anonymous.request(css, extra={"Accept-Encoding": "br, gzip"})
        cache = got.headers.get("Cache-Control") or ""
        failures.check("immutable" in cache, f"static file {css} is cached for good (Cache-Control: {cache!r})")
        encoding = got.headers.get("Content-Encoding") or ""
        failures.check(encoding in ("br", "gzip"), f"static file {css} is sent compressed (got {encoding!r})")
    admin = anonymous.request("/admin/login/")
    failures.check(admin.status == 200, f"admin sign-in answers 200 (got {admin.status})")
    missing = anonymous.request("/no-such-page/")
    failures.check(missing.status == 404, f"an unknown address answers 404 (got {missing.status})")
    health = anonymous.request("/healthz")
    failures.check(health.status == 200, f"/healthz answers 200 (got {health.status})")
    schema = anonymous.request("/api/v1/schema/")
    failures.check(schema.status < 500, f"the public API schema answers without 5xx (got {schema.status})")

    for role, email in roles.items():
        print(f"{role} ({email})", flush=True)
        browser = Browser(base)
        landing = browser.sign_in(email)
        if not failures.check(
            landing.status == 200 and "sessionid" in browser.cookies,
            f"{role} signs in (status {landing.status}, at {urlsplit(landing.url).path})",
        ):
            continue
        seen: set[str] = set()
        to_visit = [f"/p/{SLUG}/{page}" for page in MAIN_PAGES]
        for extra_from in (f"/p/{SLUG}/", f"/p/{SLUG}/plan/"):
            page = browser.request(extra_from)
            hrefs = [h.split("#")[0] for h in links_of(page).hrefs if _followable(h)]
            to_visit += list(dict.fromkeys(hrefs))[:LINKS_PER_PAGE]
        slowest = (0.0, "")
        bad = []
        for path in to_visit:
            if path in seen:
                continue
            seen.add(path)
            page = browser.request(path)
            slowest = max(slowest, (page.took, path))
            if page.status >= 500:
                bad.append(f"{path} -> {page.status}")
        failures.check(not bad, f"{role}: {len(seen)} pages without 5xx" + (f"; 5xx: {bad}" if bad else ""))
        print(f"        slowest: {slowest[1]} {slowest[0]:.2f} s", flush=True)
        api = browser.request("/api/v1/partnerships/")
        failures.check(api.status < 500, f"{role}: the API answers without 5xx (got {api.status})")


def start_report(browser: Browser, failures: Failures) -> Page | None:
    start = browser.request(f"/p/{SLUG}/annual-reports/new/")
    if not failures.check(start.status == 200, f"the start-a-report page answers 200 (got {start.status})"):
        return None
    fields = browser.form_fields(start, "annual-reports/new/")
    failures.check(bool(fields.get("sections")), f"the form offers sections ({sorted(fields)})")
    job = browser.request(f"/p/{SLUG}/annual-reports/new/", fields)
    ok = job.status == 200 and "/annual-reports/jobs/" in job.url
    failures.check(ok, f"starting a report leads to its job page (status {job.status}, at {urlsplit(job.url).path})")
    return job if ok else None


def make_report(base: str, failures: Failures) -> None:
    browser = Browser(base)
    browser.sign_in(ROLES["coordinator"])
    job = start_report(browser, failures)
    if job is None:
        return
    progress_url = job.url.rstrip("/") + "/progress/"
    started = time.monotonic()
    status, last = "", None
    while time.monotonic() - started < REPORT_TIMEOUT:
        last = browser.request(progress_url)
        if last.status >= 500:
            break
        status = _status_of(last.text)
        if status in ("done", "failed"):
            break
        time.sleep(2)
    took = time.monotonic() - started
    failures.check(
        status == "done", f"the report is made within {REPORT_TIMEOUT} s (status {status!r} after {took:.0f} s)"
    )
    if status != "done" or last is None:
        if last is not None:
            print(last.text[:2000])
        return
    download = next((h for h in links_of(last).hrefs if h.endswith("/download/")), None)
    if not failures.check(download is not None, "the job page links the PDF"):
        return
    pdf = browser.request(download)
    failures.check(
        pdf.status == 200 and pdf.body.startswith(b"%PDF"),
        f"the PDF downloads ({pdf.status}, {len(pdf.body):,} bytes, starts {pdf.body[:5]!r})",
    )


def _status_of(html: str) -> str:
    marker = 'data-status="'
    at = html.find(marker)
    return html[at + len(marker) : html.find('"', at + len(marker))] if at >= 0 else ""


def without_redis(base: str, failures: Failures) -> None:
    """The web process's REDIS_URL points at a dead port: pages still answer, a report request is kept."""
    walk_pages(base, failures)
    browser = Browser(base)
    browser.sign_in(ROLES["coordinator"])
    started = time.monotonic()
    job = start_report(browser, failures)
    took = time.monotonic() - started
    if job is None:
        return
    failures.check(took < 30, f"starting a report without the queue answers in {took:.1f} s")
    failures.check(_status_of(job.text) == "queued", f"the job is kept, queued (status {_status_of(job.text)!r})")
    failures.check(
        "queue" in job.text and "will start" in job.text, "the page says it will start when the queue is back"
    )
    returns = browser.request(f"/p/{SLUG}/returns/")
    failures.check(returns.status == 200, f"the returns dashboard answers 200 (got {returns.status})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="e.g. http://127.0.0.1:8123")
    parser.add_argument("stage", choices=["pages", "report", "without-redis"])
    args = parser.parse_args()
    failures = Failures()
    print(f"== {args.stage} on {args.base}", flush=True)
    {"pages": walk_pages, "report": make_report, "without-redis": without_redis}[args.stage](args.base, failures)
    if failures:
        print(f"\n{len(failures)} check(s) failed:", *failures, sep="\n  - ")
        return 1
    print(f"== {args.stage}: every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
