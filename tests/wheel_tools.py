"""aikg as a user installs it: a wheel built from the checkout, installed (no -e) into a
fresh virtual environment outside the checkout, commands run from another directory.

An editable install imports from the checkout, so a subpackage missing from the wheel
(aikg/ui once was) passes every other test; this is the install that catches it."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the folders setup.py discovers packages under, plus the curated data shipped as aikg_data
TOP_LEVEL = ("aikg", "benchmarks", "graph", "ingest", "ontology")


@dataclass(frozen=True)
class WheelInstall:
    wheel: Path
    venv: Path
    workdir: Path  # an empty directory outside the checkout: commands run there

    @property
    def python(self) -> str:
        return str(self.venv / "bin" / "python")

    @property
    def aikg(self) -> str:
        return str(self.venv / "bin" / "aikg")

    def env(self, **extra: str) -> dict:
        """The environment of a user's shell: no PYTHONPATH reaching the checkout."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        return {**env, **extra}

    def run(self, *args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
        return subprocess.run(list(args), cwd=self.workdir, env=env or self.env(), capture_output=True,
                              text=True, timeout=timeout)

    def installed_file(self, relative: str) -> Path:
        lib = next((self.venv / "lib").glob("python3*/site-packages"))
        return lib / relative


def build_and_install(base: Path) -> WheelInstall:
    dist, venv, workdir = base / "dist", base / "venv", base / "elsewhere"
    workdir.mkdir(parents=True)
    _check(subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
                          capture_output=True, text=True, cwd=base), "building the wheel")
    wheel = next(dist.glob("aikg-*.whl"))
    _check(subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True), "venv")
    install = WheelInstall(wheel, venv, workdir)
    _check(install.run(install.python, "-m", "pip", "install", "--quiet", str(wheel)), "installing the wheel")
    return install


def _check(result: subprocess.CompletedProcess, what: str) -> None:
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def expected_packages() -> set[str]:
    """Every Python package of the tree, as dotted names: what the wheel must hold."""
    packages = {"aikg_data"}
    for top in TOP_LEVEL:
        for init in (ROOT / top).rglob("__init__.py"):
            packages.add(".".join(init.parent.relative_to(ROOT).parts))
    return packages


def wheel_packages(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {".".join(Path(name).parent.parts) for name in archive.namelist() if name.endswith("/__init__.py")
                or (name.startswith("aikg_data/") and name.endswith(".yaml"))}


def wheel_files(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())
