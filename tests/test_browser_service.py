"""In a real browser at 1280 px and on a 390 px phone, each role's journey from their home: no page
scrolls sideways, the main button is on screen, and axe-core finds no serious or critical problem.
A board member on a phone downloads the latest report from their home in two taps."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .browser import serious_accessibility_problems, sign_in
from .role_homes import a_report, a_submitted_return, grow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def _open(browser, width: str):
    w, h = WIDTHS[width]
    context = browser.new_context(
        viewport={"width": w, "height": h}, locale="en-GB", reduced_motion="reduce", accept_downloads=True
    )
    return context, context.new_page()


def _check(page, what: str) -> None:
    """The page fits its width and axe finds nothing serious."""
    wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wider <= 0, f"{what} scrolls sideways by {wider} px"
    assert serious_accessibility_problems(page) == [], what


def _on_screen(page, locator) -> None:
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, "the button is cut off at the side"


def _journey(page, live_server, side, role: str, paths: list[str]) -> None:
    sign_in(page, live_server, side.user(role).email)
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        _check(page, f"{role} at {page.viewport_size['width']} px: {path}")


@pytest.fixture
def busy(world):
    a = world.a
    a_submitted_return(a)
    grow(a, 0, 3)
    a_report(a)
    return a


def _url(name: str, side, **kwargs) -> str:
    return reverse(name, kwargs={"slug": side.slug, **kwargs})


CHART_TEXT = """() => Math.min(...Array.from(document.querySelectorAll('svg[role=img]')).flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim())
    .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
}))"""


def test_chart_text_on_the_home_is_at_least_11_px_on_a_phone(busy, live_server, browser):
    context, page = _open(browser, "phone")
    sign_in(page, live_server, busy.board.email)
    page.goto(f"{live_server.url}{_url('partnerships:home', busy)}")
    assert page.evaluate(CHART_TEXT) >= 11
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_board_member_on_their_journey(busy, live_server, browser, width):
    a = busy
    context, page = _open(browser, width)
    _journey(
        page,
        live_server,
        a,
        "board",
        [
            _url("partnerships:home", a),
            _url("reports:annual_list", a),
            _url("actions:plan", a),
            _url("indicators:dashboard", a),
            _url("reports:annual_start", a),  # not theirs: the 403 page
        ],
    )
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_spoc_on_their_journey(busy, live_server, browser, width):
    a = busy
    context, page = _open(browser, width)
    _journey(page, live_server, a, "spoc_charity", [_url("partnerships:home", a), _url("actions:mine", a)])
    page.goto(f"{live_server.url}{_url('partnerships:home', a)}")
    _on_screen(page, page.get_by_role("link", name="Start your return"))
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_coordinator_on_their_journey(busy, live_server, browser, width):
    a = busy
    context, page = _open(browser, width)
    _journey(
        page,
        live_server,
        a,
        "coordinator",
        [
            _url("partnerships:home", a),
            _url("reports:returns", a),
            _url("actions:plan", a),
            _url("strategy:risks", a),
            "/p/no-such-partnership/",  # the 404 page
        ],
    )
    context.close()


def test_a_board_member_on_a_phone_downloads_the_latest_report_from_their_home_in_two_taps(busy, live_server, browser):
    a = busy
    context, page = _open(browser, "phone")
    sign_in(page, live_server, a.board.email)
    taps = 0
    if "/p/" not in page.url:  # a member of one partnership lands on it; of several, picks it first
        page.get_by_role("link", name=a.partnership.name).first.click()
        taps += 1
    download_link = page.get_by_role("link", name="Download the annual report")
    _on_screen(page, download_link)
    assert download_link.bounding_box()["y"] < page.viewport_size["height"] * 2
    with page.expect_download() as download:
        download_link.click()
    taps += 1
    assert taps <= 2
    assert download.value.suggested_filename.endswith(".pdf")
    context.close()
