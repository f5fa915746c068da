"""In a real browser: the API docs render from our static files under the strict CSP, and a member
makes a token on their account page, copies it, uses it, and revokes it."""

import re

import pytest
from playwright.sync_api import expect

from partnerships.models import ApiToken

from .api_helpers import plan_for
from .browser import serious_accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_page_renders_every_operation_without_a_csp_violation(world, live_server, page):
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(live_server.url) else None)
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_selector(".opblock")
    expect(page.get_by_role("heading", name="ASPM API")).to_be_visible()
    operations = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/p/{slug}/indicators/" in [o.replace("\u200b", "") for o in operations]
    assert problems == [] and external == []


def test_a_member_makes_a_token_uses_it_and_revokes_it(world, live_server, page):
    a = world.a
    plan_for(a)
    sign_in(page, live_server, a.spoc_police.email)
    page.get_by_role("button", name=a.spoc_police.get_short_name()).click()
    page.get_by_role("link", name="API tokens").click()
    expect(page.get_by_role("heading", name="API tokens", level=1)).to_be_visible()
    page.get_by_label("Token name").fill("Force data team")
    page.get_by_role("button", name="Make token").click()
    secret = page.get_by_label("Token", exact=True).input_value()
    assert secret.startswith("aspm_")
    page.get_by_role("button", name="Copy").click()
    expect(page.locator("#new-token-copied")).to_have_text(re.compile(r"\S"))
    assert serious_accessibility_problems(page) == []

    answer = page.request.get(
        f"{live_server.url}/api/v1/p/{a.slug}/indicators/", headers={"Authorization": f"Bearer {secret}"}
    )
    assert answer.status == 200 and answer.json()["count"] == 1

    page.reload()
    assert secret not in page.content()
    page.get_by_role("button", name="Revoke Force data team").click()
    expect(page.get_by_text("is revoked")).to_be_visible()
    assert ApiToken.objects.get(user=a.spoc_police).revoked_at is not None
    refused = page.request.get(f"{live_server.url}/api/v1/partnerships/", headers={"Authorization": f"Bearer {secret}"})
    assert refused.status == 401
