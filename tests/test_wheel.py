"""The wheel a user installs: every package and data file in it, and aikg working from it
in a fresh venv outside the checkout (`pip install . && aikg up`)."""
from __future__ import annotations

import json

import pytest
from helpers import app_pages
from wheel_tools import ROOT, expected_packages, wheel_files, wheel_packages

from graph.config import neo4j_config_from_env

pytestmark = pytest.mark.wheel


def test_the_wheel_holds_every_package_and_data_file(wheel_install):
    missing = expected_packages() - wheel_packages(wheel_install.wheel)
    assert not missing, f"packages of the tree missing from the wheel: {sorted(missing)}"
    files = wheel_files(wheel_install.wheel)
    data = {f"aikg_data/{p.name}" for p in (ROOT / "data").glob("*.yaml")}
    assert data and data <= files, sorted(data - files)
    generated = {f"ontology/generated/{p.name}" for p in (ROOT / "ontology" / "generated").iterdir() if p.is_file()}
    shipped = {"app.py", "ontology/aikg.yaml", "graph/mof_licenses.json"} | generated
    assert shipped <= files, sorted(shipped - files)


def test_every_app_page_imports_from_the_installed_wheel(wheel_install):
    installed_app = wheel_install.installed_file("app.py")
    modules = [module for _, _, module in app_pages(installed_app)]
    assert sorted(modules) == sorted(p.stem for p in (ROOT / "aikg" / "ui").glob("*_page.py"))
    script = ("import importlib, json; mods = json.loads(__import__('sys').argv[1]); "
              "print(json.dumps({m: importlib.import_module('aikg.ui.' + m).__file__ for m in mods}))")
    result = wheel_install.run(wheel_install.python, "-c", script, json.dumps(modules))
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)
    site = str(wheel_install.venv)
    assert all(path.startswith(site) for path in files.values()), files  # not the checkout's copies


def test_aikg_up_and_ask_from_the_installed_wheel(wheel_install, tmp_path, request):
    if neo4j_config_from_env() is not None:
        # a fresh AIKG_HOME is a fresh embedded store; under NEO4J_URI the installed aikg reaches the
        # session's Neo4j database, emptied here so that its first `up` loads (a user's first start)
        request.getfixturevalue("store")
    env = wheel_install.env(AIKG_HOME=str(tmp_path / "home"))
    try:
        up = wheel_install.run(wheel_install.aikg, "up", "--no-app", "--json", env=env)
        assert up.returncode == 0, up.stderr
        loaded = json.loads(up.stdout)
        assert loaded["ok"] and not loaded["skipped"] and loaded["after"]["nodes"]["Release"] > 100
        again = json.loads(wheel_install.run(wheel_install.aikg, "up", "--no-app", "--json", env=env).stdout)
        assert again["skipped"] and again["after"] == loaded["after"]  # warm start: nothing reloaded
        ask = wheel_install.run(wheel_install.aikg, "ask", "Which frontier models shipped weights?", "--json",
                                env=env)
        assert ask.returncode == 0, ask.stderr
        answer = json.loads(ask.stdout)
        names = {row["name"] for row in answer["rows"]}
        assert answer["answered"] and "Llama 3.1 405B" in names and "GPT-4" not in names
        assert {row["weights"] for row in answer["rows"]} == {"open"}
    finally:
        wheel_install.run(wheel_install.aikg, "db", "stop", env=env)
