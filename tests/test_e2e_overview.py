"""The Overview page in a real browser: `streamlit run app.py` started from another working
directory with no toolbar option (app.py sets it), headless Debian chromium driven by
Playwright. The charts must really draw, a click on a lab's bar must open its Timeline, a
release's link its Explore page, and no Deploy button or developer menu may show.
Screenshots go to test-artifacts/overview*.png."""
from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from browser_tools import ARTIFACTS, coloured_pixels, launched, require_chromium, settle
from helpers import load_graph

ROOT = Path(__file__).resolve().parent.parent

playwright = require_chromium()

@pytest.fixture(scope="module")
def app_url(session_store, cli_env, tmp_path_factory, wheel_install):
    """Plain `streamlit run …/app.py` of the installed wheel, as anyone may start it, from a
    directory that is not the checkout and without --client.toolbarMode: the viewer toolbar
    must come from app.py."""
    load_graph(session_store, cli_env, ("up", "--no-app"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [wheel_install.python, "-m", "streamlit", "run", str(wheel_install.installed_file("app.py")),
         "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"],
        cwd=tmp_path_factory.mktemp("elsewhere"), env=wheel_install.env(**cli_env),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    with launched() as chromium:
        yield chromium








def open_overview(context, url: str):
    page = context.new_page()
    page.goto(url)
    page.get_by_role("heading", name="The AI release landscape").wait_for(timeout=90_000)
    page.locator(".vega-embed svg").nth(1).wait_for(timeout=60_000)  # both charts mounted
    settle(page)
    return page


def bar_labels(page) -> list[str]:
    """The accessible labels Vega gives each drawn bar ("quarter: 2024 Q2; …; lab: Meta; …")."""
    return page.evaluate("() => Array.from(document.querySelectorAll('.vega-embed svg [role=\"graphics-symbol\"]'))"
                         ".map(e => e.getAttribute('aria-label') || '')")


def test_overview_draws_its_charts_and_opens_the_pages_below(app_url, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = open_overview(context, app_url)
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / "overview.png"))
    charts = page.locator(".vega-embed")
    assert charts.count() == 2
    for i in range(2):
        assert coloured_pixels(charts.nth(i).screenshot()) > 3000, f"chart {i} drew no bars"
    labels = bar_labels(page)
    assert sum("lab: Meta;" in label for label in labels) >= 5
    assert any(label.startswith("year:") for label in labels)
    # the served app shows a reader no Deploy button and no developer entries in its menu
    assert page.get_by_text("Deploy", exact=True).count() == 0
    page.get_by_test_id("stMainMenuButton").click()
    page.wait_for_timeout(500)
    menu = page.locator('[data-testid="stMainMenuPopover"]')
    assert not menu.count() or "Clear cache" not in menu.inner_text()
    page.keyboard.press("Escape")

    # a click on one of Meta's bars opens Meta's timeline
    meta = next(label for label in labels if "lab: Meta;" in label)
    bar = page.locator(f'.vega-embed svg [aria-label="{meta}"]')
    bar.scroll_into_view_if_needed()
    bar.click()
    page.wait_for_url("**/timeline?org=org%3Ameta", timeout=30_000)
    page.get_by_role("heading", name="Timeline").wait_for(timeout=60_000)
    settle(page)
    assert page.get_by_role("combobox").first.input_value() == "Meta"  # the lab chosen in its selector
    page.screenshot(path=str(ARTIFACTS / "overview-to-timeline.png"))
    page.close()

    # a newest release's link (the table's first column) opens its Explore page
    page = open_overview(context, app_url)
    table = page.locator('[data-testid="stDataFrame"]').first
    table.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    first = next(c.text_content() for c in table.locator('[role="gridcell"]').all()
                 if (c.text_content() or "").startswith("./explore?id="))
    box = table.bounding_box()
    explore = None
    for _ in range(3):  # the grid may take the first click as focus; a link column opens a new tab
        try:
            with context.expect_page(timeout=5_000) as opened:
                page.mouse.click(box["x"] + 25, box["y"] + 36 + 17)  # the link icon of the first row
            explore = opened.value
            break
        except playwright.TimeoutError:
            continue
    assert explore is not None, "the newest release's link opened nothing"
    explore.wait_for_load_state()
    settle(explore)
    assert explore.url.endswith(first.removeprefix("."))
    explore.get_by_role("heading", name="Explore").wait_for(timeout=60_000)
    explore.screenshot(path=str(ARTIFACTS / "overview-to-explore.png"))
    context.close()


def test_overview_in_full(app_url, browser):
    """The whole page in one picture, for a reader of the artifacts."""
    context = browser.new_context(viewport={"width": 1400, "height": 2000})
    page = open_overview(context, app_url)
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / "overview-full.png"))
    assert page.locator('[data-testid="stException"]').count() == 0
    context.close()
