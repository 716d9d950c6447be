"""Time to first render of each app page in headless chromium, on the graph in AIKG_HOME.

    python -m benchmarks.app_render [--runs 3]

A page counts as rendered when Streamlit reports the script finished and its
status widget is gone. Needs Debian chromium at /usr/bin/chromium.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["", "ask", "explore?id=model:muse-spark", "openness", "timeline", "cypher", "export"]
SETTLED = ("() => { const a = document.querySelector('[data-testid=\"stApp\"]'); return a && "
           "a.dataset.testConnectionState === 'CONNECTED' && a.dataset.testScriptState === 'notRunning'; }")


@contextlib.contextmanager
def serve(env: dict, app_file: Path = ROOT / "app.py", python: str = sys.executable) -> Iterator[str]:
    """The app on a free 127.0.0.1 port with `env`, once its health check answers; its URL.
    Served as `aikg up` serves it; `python` and `app_file` may be those of an installed wheel.
    Also what the browser tests use."""
    from aikg.serving import AppProcess, free_port

    app = AppProcess(app_file, free_port(), env=env, python=python).start()
    try:
        app.wait_healthy(60)
        yield app.url
    finally:
        app.stop(30)


def measure(runs: int, home: Path | None = None, pages: list[str] = PAGES) -> dict:
    """Seconds to first render of each page; `home` is the AIKG_HOME of the server to use."""
    from playwright.sync_api import sync_playwright

    env = {**os.environ, **({"AIKG_HOME": str(home)} if home else {})}
    timings: dict[str, list[float]] = {p or "overview": [] for p in pages}
    with serve(env) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=[
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"])
        for _ in range(runs):
            for path in pages:
                page = browser.new_page()
                start = time.perf_counter()
                page.goto(f"{url}/{path}")
                page.wait_for_function(SETTLED, timeout=120_000)
                page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=120_000)
                timings[path or "overview"].append(time.perf_counter() - start)
                page.close()
        browser.close()
    return {page: {"median_s": round(statistics.median(t), 2), "max_s": round(max(t), 2)}
            for page, t in timings.items()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    print(json.dumps(measure(parser.parse_args(argv).runs), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
