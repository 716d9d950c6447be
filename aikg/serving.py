"""The Streamlit app served as a child of the aikg command that started it.

A child rather than an exec: `aikg up` keeps control, so it can load the graph while the
app boots, and stop what it started when interrupted. The child gets SIGTERM when its
parent dies by any means (Linux PR_SET_PDEATHSIG), so it never serves on alone."""
from __future__ import annotations

import ctypes
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

_PR_SET_PDEATHSIG = 1


def streamlit_command(app_file: Path, port: int, python: str = sys.executable) -> list[str]:
    """The one way aikg serves its app: loopback only, no telemetry, no file watcher, no info
    lines (aikg says where it serves), and the viewer toolbar (no Deploy button or developer
    menu). Run through aikg.appserver: Streamlit's command line, the app's imports begun early."""
    return [python, "-m", "aikg.appserver", "run", str(app_file), "--server.address", "127.0.0.1",
            "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--client.toolbarMode", "viewer",
            "--logger.level", "warning"]  # warnings and errors still reach the terminal


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _die_with_parent() -> None:  # runs in the child between fork and exec
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class AppProcess:
    """Start before any thread of the parent: a pre-exec hook and threads do not mix."""

    def __init__(self, app_file: Path, port: int, env: dict | None = None, python: str = sys.executable,
                 quiet: bool = True):
        self.url = f"http://127.0.0.1:{port}"
        self._command = streamlit_command(app_file, port, python)
        self._env, self._quiet = env, quiet
        self.proc: subprocess.Popen | None = None

    def start(self) -> "AppProcess":
        # Streamlit's own banner would repeat the URL aikg prints; its errors still show (stderr)
        self.proc = subprocess.Popen(self._command, env=self._env, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL if self._quiet else None,
                                     preexec_fn=_die_with_parent)
        return self

    def wait_healthy(self, timeout: float = 60.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2).status == 200:
                    return True
            except OSError:
                time.sleep(0.2)
        return False

    def wait(self) -> int:
        return self.proc.wait()

    def stop(self, timeout: float = 15.0) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
