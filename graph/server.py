"""Start, stop and inspect the embedded ArcadeDB server process.

State lives in AIKG_HOME: server.json (pid and ports), secrets.json (generated
passwords, mode 0600), server.log (the process's output) and server/ (the
database). A pid file whose process is gone or is not ours is stale and is
cleaned up; a configured port already in use is reported, not fought over.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from graph.config import Credentials, EmbeddedSettings, StoreConfig
from graph.server_main import DATABASE, READER
from ontology import errors

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ServerError(errors.ServerError):
    """The embedded server could not be started or reached."""


@dataclass
class ServerStatus:
    running: bool
    home: str
    pid: int | None = None
    bolt_uri: str | None = None
    database: str = DATABASE
    note: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _pid_alive(pid: int) -> bool:
    """True while the process runs. A zombie (exited, not yet reaped by its parent) counts as
    gone: a server started by `aikg up` is that process's child, and after `aikg db stop` it
    stays a zombie until `aikg up` exits, which once kept stop waiting for its full timeout."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]  # the state follows the parenthesized name


def _is_our_process(pid: int, home: Path) -> bool:
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():
        return _pid_alive(pid)
    args = cmdline.read_bytes().split(b"\0")
    return b"graph.server_main" in args and str(home).encode() in args


class EmbeddedServer:
    def __init__(self, settings: EmbeddedSettings):
        self.settings = settings
        self.home = settings.home
        self.state_file = self.home / "server.json"
        self.secrets_file = self.home / "secrets.json"
        self.log_file = self.home / "server.log"

    # -- state ---------------------------------------------------------------
    def _state(self) -> dict | None:
        try:
            return json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def status(self) -> ServerStatus:
        state = self._state()
        if not state:
            return ServerStatus(False, str(self.home))
        pid = state.get("pid")
        if not (pid and _pid_alive(pid) and _is_our_process(pid, self.home)):
            self.state_file.unlink(missing_ok=True)
            return ServerStatus(False, str(self.home), note=f"removed stale pid file (pid {pid} is gone)")
        uri = f"bolt://127.0.0.1:{state['bolt_port']}"
        return ServerStatus(True, str(self.home), pid, uri)

    def _secrets(self) -> dict:
        if self.secrets_file.exists():
            return json.loads(self.secrets_file.read_text(encoding="utf-8"))
        # New passwords for an existing database: let ArcadeDB recreate root with the new one.
        (self.home / "server" / "config" / "server-users.jsonl").unlink(missing_ok=True)
        values = {"root": secrets.token_urlsafe(24), "reader": secrets.token_urlsafe(24)}
        fd = os.open(self.secrets_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(values, handle)
        return values

    def config(self) -> StoreConfig:
        status = self.status()
        if not status.running:
            raise ServerError(f"the embedded server is not running (AIKG_HOME={self.home}); run `aikg db start`")
        values = self._secrets()
        return StoreConfig(status.bolt_uri, DATABASE, Credentials("root", values["root"]),
                           Credentials(READER, values["reader"]), embedded=True)

    # -- start / stop ----------------------------------------------------------
    @contextlib.contextmanager
    def _lock(self):
        self.home.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(self.home / "server.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def start(self) -> ServerStatus:
        with self._lock():
            status = self.status()
            if status.running:
                return status
            bolt = self.settings.bolt_port
            if bolt and _port_in_use(bolt):
                raise ServerError(f"port {bolt} (AIKG_BOLT_PORT) is already in use by another program")
            self._secrets()
            (self.home / "server").mkdir(exist_ok=True)
            proc = self._spawn(bolt or _free_port(), _free_port())
            try:
                self._wait_ready(proc)
            except BaseException:
                self._terminate(proc.pid)
                self.state_file.unlink(missing_ok=True)
                raise
            result = self.status()
            result.note = status.note
            return result

    def _spawn(self, bolt_port: int, http_port: int) -> subprocess.Popen:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
        with open(self.log_file, "ab") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "graph.server_main", "--home", str(self.home),
                 "--bolt-port", str(bolt_port), "--http-port", str(http_port),
                 "--heap", self.settings.heap],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                cwd=self.home, env=env, start_new_session=True,
            )
        state = {"pid": proc.pid, "bolt_port": bolt_port, "http_port": http_port, "started": time.time()}
        self.state_file.write_text(json.dumps(state), encoding="utf-8")
        return proc

    def _wait_ready(self, proc: subprocess.Popen) -> None:
        deadline = time.monotonic() + self.settings.start_timeout
        values = self._secrets()
        uri = f"bolt://127.0.0.1:{self._state()['bolt_port']}"
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise ServerError(f"the embedded server exited during start; see {self.log_file}:\n{self._log_tail()}")
            if _probe(uri, Credentials("root", values["root"])) and _probe(uri, Credentials(READER, values["reader"])):
                return
            time.sleep(0.5)
        raise ServerError(f"the embedded server did not answer within {self.settings.start_timeout:.0f} s; "
                          f"see {self.log_file}")

    def _log_tail(self, lines: int = 15) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(text[-lines:])

    def stop(self, timeout: float = 60.0) -> ServerStatus:
        with self._lock():
            status = self.status()
            if not status.running:
                return status
            self._terminate(status.pid, timeout)
            self.state_file.unlink(missing_ok=True)
            return ServerStatus(False, str(self.home), status.pid, note="stopped")

    @staticmethod
    def _terminate(pid: int, timeout: float = 60.0) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            if not _pid_alive(pid):
                return
            time.sleep(0.2)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)

    def ensure_running(self) -> StoreConfig:
        self.start()
        return self.config()


def _probe(uri: str, creds: Credentials) -> bool:
    """True once the server answers a query on the aikg database for this user."""
    try:
        with neo4j.GraphDatabase.driver(uri, auth=(creds.user, creds.password),
                                        connection_timeout=2) as driver:
            with driver.session(database=DATABASE) as session:  # one attempt, no retries
                session.run("RETURN 1 AS ok").consume()
        return True
    except (AuthError, Neo4jError, DriverError, OSError):
        return False
