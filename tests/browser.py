"""Helpers for the browser tests: sign in through the real form, check a page with axe-core."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from .cast import PASSWORD

_axe = Axe()
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def sign_in(page, live_server, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")


# What Chromium says when axe starts while a click's navigation is replacing the document.
_NAVIGATING = ("Execution context was destroyed", "reading 'documentElement'", "axe is not defined")


def _run_axe(page, attempts: int = 3):
    for attempt in range(attempts):
        page.wait_for_load_state("load")
        try:
            return _axe.run(page, options=AXE_OPTIONS)
        except PlaywrightError as error:
            if attempt == attempts - 1 or not any(sign in str(error) for sign in _NAVIGATING):
                raise
            page.wait_for_timeout(250)  # let the new document arrive before waiting for its load
    raise AssertionError("unreachable")


def serious_accessibility_problems(page) -> list[str]:
    """axe-core's serious and critical violations on the page, as readable lines.

    Callers wait for the page they mean to check (a heading, a URL) before calling; the retry
    here only covers a navigation still swapping the document when axe starts."""
    results = _run_axe(page)
    problems = []
    for violation in results.response["violations"]:
        if violation["impact"] in ("serious", "critical"):
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            problems.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return problems
