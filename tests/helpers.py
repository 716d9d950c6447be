"""Small helpers shared by the tests."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from aikg.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def run_cli(*args: str, env: dict | None = None):
    """Invoke `aikg …` in-process; returns (exit code, parsed JSON or None, output)."""
    result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
    try:
        payload = json.loads(result.stdout)
    except ValueError:
        payload = None
    return result.exit_code, payload, result.output


def copy_fixture(tmp_path: Path, name: str = "curated") -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    return target
