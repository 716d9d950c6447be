"""End to end in a real browser: the app served on 127.0.0.1, headless Debian chromium
driven by Playwright. Screenshots are saved under test-artifacts/."""
from __future__ import annotations

from pathlib import Path

import pytest
from browser_tools import ARTIFACTS, coloured_pixels, launched, require_chromium, settle
from helpers import app_pages, load_graph

from benchmarks.app_render import serve

ROOT = Path(__file__).resolve().parent.parent

playwright = require_chromium()


@pytest.fixture(scope="module")
def app_url(session_store, cli_env, wheel_install):
    """The app as a user runs it: served from the installed wheel (not the checkout),
    on the test graph."""
    load_graph(session_store, cli_env, ("up", "--no-app"))
    with serve(wheel_install.env(**cli_env), app_file=wheel_install.installed_file("app.py"),
               python=wheel_install.python) as url:
        yield url


def test_every_page_renders_without_an_error(app_url, browser):
    """Each page at the browser's default window size, a screenshot of it kept."""
    ARTIFACTS.mkdir(exist_ok=True)
    for title, path, _ in app_pages():
        page = browser.new_page()
        page.goto(f"{app_url}/{path}")
        settle(page)
        page.wait_for_timeout(1500)  # charts and the graph component draw after the script ends
        page.screenshot(path=str(ARTIFACTS / f"page-{path or 'home'}.png"), full_page=True)
        assert page.locator('[data-testid="stException"]').count() == 0, f"{title} shows an error"
        assert page.locator('[data-testid="stMain"]').inner_text().strip(), f"{title} is empty"
        page.close()


@pytest.fixture(scope="module")
def browser():
    with launched() as chromium:
        yield chromium








def test_ask_answer_entity_page_and_graph(app_url, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{app_url}/ask")
    settle(page)
    page.get_by_label("Your question").fill("Which frontier models shipped weights?")
    page.get_by_role("button", name="Ask", exact=True).click()
    heading = page.get_by_role("heading", name="Which frontier models shipped weights?")
    heading.wait_for(timeout=90_000)
    settle(page)
    table = page.locator('[data-testid="stDataFrame"]').first
    table.wait_for(timeout=60_000)
    assert page.get_by_text("row(s)").first.is_visible()
    page.wait_for_timeout(1000)
    # the grid paints on a canvas; its accessible table carries the cell texts
    cells = {c.text_content() for c in table.locator('[role="gridcell"]').all()}
    page.screenshot(path=str(ARTIFACTS / "ask-answer.png"), full_page=True)
    assert "Llama 3.1 405B" in cells and "GPT-4" not in cells

    page.goto(f"{app_url}/explore?id=model:muse-spark")
    settle(page)
    page.get_by_role("heading", name="Muse Spark").first.wait_for(timeout=60_000)
    frame = page.locator("iframe").first
    frame.wait_for(timeout=60_000)
    page.wait_for_timeout(4000)  # the force-directed layout settles
    shot = frame.screenshot(path=str(ARTIFACTS / "entity-graph.png"))
    page.screenshot(path=str(ARTIFACTS / "entity-page.png"), full_page=True)
    assert coloured_pixels(shot) > 2000, "the graph component drew no nodes"
    page.close()


def test_empty_graph_control_draws_nothing(browser, tmp_path):
    """Negative control for the pixel count: an empty page has almost no coloured pixels."""
    page = browser.new_page(viewport={"width": 800, "height": 540})
    page.set_content("<html><body style='background:white'></body></html>")
    assert coloured_pixels(page.screenshot()) < 100
    page.close()
