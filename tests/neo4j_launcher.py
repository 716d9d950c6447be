"""A real Neo4j Community for the test suite (AIKG_TEST_STORE=neo4j): the Maven project in
tests/neo4j/ built when needed, then started embedded with Bolt on 127.0.0.1 and a free port,
in a fresh directory, with authentication on and a generated password.

Test infrastructure only: never part of the wheel or of `aikg up`. See docs/neo4j.md.
"""
from __future__ import annotations

import fcntl
import os
import re
import secrets
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent / "neo4j"
BUILD = PROJECT / "build"  # git-ignored (.gitignore: build/)
CLASSPATH_FILE = BUILD / "classpath.txt"
STAMP = BUILD / "launcher.stamp"  # written after a successful build; newer than the sources = up to date
MAIN_CLASS = "aikg.testing.Neo4jLauncher"
READY = re.compile(r"aikg-neo4j ready port=(\d+) database=(\S+)")
USER = "neo4j"


class LauncherUnavailable(RuntimeError):
    """Java or Maven is missing: the Neo4j run cannot happen on this machine."""


class LauncherError(RuntimeError):
    """The launcher could not be built or did not start; the message holds the output's tail."""


@dataclass
class RunningNeo4j:
    process: subprocess.Popen
    port: int
    database: str
    password: str = field(repr=False)
    home: Path
    log: Path
    start_seconds: float

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def environ(self) -> dict[str, str]:
        """What aikg (and the subprocesses the tests start) read to reach this server."""
        return {"NEO4J_URI": self.uri, "NEO4J_USERNAME": USER, "NEO4J_PASSWORD": self.password,
                "NEO4J_DATABASE": self.database, "AIKG_TEST_ALLOW_WIPE": "1"}

    def stop(self, timeout: float = 60.0) -> int:
        """SIGTERM (the launcher's shutdown hook stops Neo4j cleanly), SIGKILL if it hangs."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdin:
            self.process.stdin.close()
        return self.process.returncode


def missing_tools() -> str | None:
    """Why the launcher cannot run here, or None."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        return (f"AIKG_TEST_STORE=neo4j needs a JDK 17+ and Maven to build and run Neo4j Community "
                f"(tests/neo4j/); not found on PATH: {', '.join(missing)}")
    return None


def _sources() -> list[Path]:
    return [PROJECT / "pom.xml", *sorted((PROJECT / "src").rglob("*.java"))]


def up_to_date() -> bool:
    if not (STAMP.exists() and CLASSPATH_FILE.exists()):
        return False
    built = STAMP.stat().st_mtime
    if any(source.stat().st_mtime > built for source in _sources()):
        return False
    # the jars live in the local Maven repository, which may have been cleaned since
    return all(Path(entry).exists() for entry in CLASSPATH_FILE.read_text().strip().split(os.pathsep))


def build(timeout: float = 1200.0) -> bool:
    """Compile the launcher and write its classpath, unless up to date; True when it built.
    A lock keeps two concurrent sessions from building at once."""
    reason = missing_tools()
    if reason:
        raise LauncherUnavailable(reason)
    BUILD.mkdir(exist_ok=True)
    with open(BUILD / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if up_to_date():
            return False
        command = ["mvn", "-q", "-B", "-f", str(PROJECT / "pom.xml"), "compile", "dependency:build-classpath",
                   f"-Dmdep.outputFile={CLASSPATH_FILE}"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "MAVEN_OPTS": os.environ.get("MAVEN_OPTS", "-Xmx512m")})
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-30:]
            raise LauncherError("building tests/neo4j failed (mvn " + " ".join(command[1:]) + "):\n"
                                + "\n".join(tail))
        STAMP.touch()
        return True


def start(home: Path, timeout: float = 240.0, heap: str | None = None) -> RunningNeo4j:
    """Build if needed, start Neo4j in `home` (created fresh) and wait for its ready line."""
    build()
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(24)
    log = home / "launcher.log"
    classpath = os.pathsep.join([str(BUILD / "classes"), CLASSPATH_FILE.read_text().strip()])
    heap = heap or os.environ.get("AIKG_TEST_NEO4J_HEAP", "1g")
    command = [shutil.which("java"), f"-Xms{heap}", f"-Xmx{heap}", "-XX:+UseSerialGC",
               "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", classpath, MAIN_CLASS,
               str(home / "neo4j"), "--stop-on-stdin-eof"]
    began = time.monotonic()
    with open(log, "wb") as out:
        # its own session: a Ctrl-C in the terminal reaches pytest, whose teardown stops it; stdin is a
        # pipe that closes when pytest dies, however it dies, and the launcher then stops too
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "AIKG_NEO4J_LAUNCHER_PASSWORD": password},
                                   cwd=home, start_new_session=True)
    deadline = began + timeout
    while True:
        match = READY.search(log.read_text(errors="replace"))
        if match:
            return RunningNeo4j(process, int(match.group(1)), match.group(2), password, home, log,
                                time.monotonic() - began)
        if process.poll() is not None or time.monotonic() > deadline:
            state = f"exited with {process.returncode}" if process.poll() is not None else f"timed out ({timeout:g} s)"
            if process.poll() is None:
                process.kill()
                process.wait()
            tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
            raise LauncherError(f"the Neo4j launcher {state} before it was ready "
                                f"(log: {log}, {home / 'neo4j' / 'logs' / 'debug.log'}):\n{tail}")
        time.sleep(0.1)
