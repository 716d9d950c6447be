"""What the browser tests share: Debian chromium (a skip without it, a failure in CI), one way
to launch it, to wait for a Streamlit page to settle, and to count what a canvas drew."""
from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from benchmarks.app_render import SETTLED

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def require_chromium():
    """Call at a browser test module's top: skips it without chromium (fails in CI); playwright."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Debian chromium at /usr/bin/chromium (.ci/run installs it)", pytrace=False)
        pytest.skip("no /usr/bin/chromium: apt-get install chromium to run the browser test",
                    allow_module_level=True)
    return pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]' brings playwright")


@contextlib.contextmanager
def launched():
    """Headless chromium that resolves no name but the loopback ones."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"])
        try:
            yield chromium
        finally:
            chromium.close()


def settle(page) -> None:
    """Until Streamlit is connected, its script has finished and its status widget is gone."""
    page.locator('[data-testid="stApp"]').wait_for(state="attached", timeout=60_000)
    page.wait_for_function(SETTLED, timeout=90_000)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=90_000)


def coloured_pixels(png: bytes) -> int:
    """Strongly coloured pixels in a screenshot: drawn nodes and marks, not the white canvas or grey text."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(1 for r, g, b in image.getdata() if max(r, g, b) - min(r, g, b) > 60)
