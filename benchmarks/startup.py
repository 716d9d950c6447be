"""What a new user waits for: `aikg up` from a wheel install, cold and warm, to the first
rendered page in headless chromium; and `aikg db stop` while `aikg up` serves.

    python -m benchmarks.startup --venv VENV [--runs 3]

VENV is a virtual environment with aikg installed from a wheel (not -e). Each run uses a
fresh AIKG_HOME and HOME. Needs Debian chromium at /usr/bin/chromium.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from aikg.serving import free_port
from benchmarks.app_render import SETTLED


class UpProcess:
    """`aikg up` in a user's environment, its stderr lines timestamped as they come."""

    def __init__(self, venv: Path, home: Path, port: int, workdir: Path):
        self.port, self.lines = port, []
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env.update(HOME=str(home), AIKG_HOME=str(home / "aikg"), PATH=f"{venv / 'bin'}:{env['PATH']}")
        self.env = env
        self.start = time.perf_counter()
        self.proc = subprocess.Popen([str(venv / "bin" / "aikg"), "up", "--port", str(port)], cwd=workdir, env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.append((time.perf_counter() - self.start, line.rstrip()))

    def wait_for(self, text: str, timeout: float = 120) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for at, line in self.lines:
                if text in line:
                    return at
            time.sleep(0.05)
        raise TimeoutError(f"`aikg up` never said {text!r}: {self.lines}")

    def interrupt(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(timeout=60)


def first_render_s(up: UpProcess, browser) -> float:
    """Seconds from `aikg up` to the landing page rendered with the loaded graph (a page
    still saying the graph is loading does not count; it is rendered again)."""
    up.wait_for("serving the app")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        while True:
            page.goto(f"http://127.0.0.1:{up.port}/")
            page.wait_for_function(SETTLED, timeout=120_000)
            page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=120_000)
            if not page.get_by_text("is loading").count():
                return time.perf_counter() - up.start
    finally:
        page.close()


def run_once(venv: Path, browser) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        home, workdir = Path(tmp) / "home", Path(tmp) / "work"
        home.mkdir()
        workdir.mkdir()
        result = {}
        up = UpProcess(venv, home, free_port(), workdir)
        result["cold_first_line_s"] = up.wait_for("")
        result["cold_first_render_s"] = first_render_s(up, browser)
        result["cold_store_ready_s"] = up.wait_for("store ready")
        stop_clock = time.perf_counter()  # the store was started by `aikg up`: stop it from outside
        subprocess.run([str(venv / "bin" / "aikg"), "db", "stop"], env=up.env, cwd=workdir, check=True,
                       capture_output=True)
        result["db_stop_while_serving_s"] = time.perf_counter() - stop_clock
        up.interrupt()
        subprocess.run([str(venv / "bin" / "aikg"), "db", "start"], env=up.env, cwd=workdir, check=True,
                       capture_output=True)
        warm = UpProcess(venv, home, free_port(), workdir)  # the store running and holding the data
        result["warm_first_render_s"] = first_render_s(warm, browser)
        warm.interrupt()
        subprocess.run([str(venv / "bin" / "aikg"), "db", "stop"], env=up.env, cwd=workdir, capture_output=True)
        stopped = UpProcess(venv, home, free_port(), workdir)  # data loaded, store stopped: JVM start, no load
        result["warm_stopped_store_first_render_s"] = first_render_s(stopped, browser)
        stopped.interrupt()
        result["lines"] = [f"{at:5.1f}s {line}" for at, line in up.lines]
        return result


def measure(venv: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=[
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"])
        for _ in range(runs):
            results.append(run_once(venv, browser))
        browser.close()
    keys = [k for k in results[0] if k.endswith("_s")]
    summary = {k: {"median": round(statistics.median(r[k] for r in results), 2),
                   "max": round(max(r[k] for r in results), 2)} for k in keys}
    return {"runs": runs, "summary": summary, "first_run_lines": results[0]["lines"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--venv", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(measure(args.venv.resolve(), args.runs), indent=2))


if __name__ == "__main__":
    main()
