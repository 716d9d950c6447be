"""Small helpers shared by the tests."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
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


def load_graph(store, cli_env: dict, *commands: tuple[str, ...]) -> dict:
    """Empty the store, then run `aikg` commands (each as a tuple of args, --json added);
    returns their JSON results by position. For module-scoped fixtures."""
    store.write("MATCH (n) DETACH DELETE n")
    results = {}
    with pytest.MonkeyPatch.context() as patch:
        for key, value in cli_env.items():
            patch.setenv(key, value)
        for i, args in enumerate(commands):
            code, results[i], output = run_cli(*args, "--json")
            assert code == 0, output
    return results


def app_pages(app_file: Path | None = None) -> list[tuple[str, str, str]]:
    """(title, url path, module) of every page in app.py's PAGES, read without running the app."""
    import ast

    app_file = app_file or Path(__file__).resolve().parent.parent / "app.py"
    tree = ast.parse(app_file.read_text(encoding="utf-8"))
    pages = next(node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                 and any(getattr(t, "id", None) == "PAGES" for t in node.targets))
    return [tuple(element.value for element in entry.elts) for entry in pages.elts]


def app_page(module: str):
    """One page of the app (aikg/ui/<module>.py) under Streamlit's AppTest."""
    from streamlit.testing.v1 import AppTest

    return AppTest.from_string(f"from aikg.ui import {module}\n{module}.render()\n", default_timeout=90)


def asked(question: str):
    """The Ask page after typing `question` and pressing Ask."""
    app = app_page("ask_page")
    app.run()
    app.text_input(key="question").input(question)
    app.button(key="ask_button").click().run()
    return app
