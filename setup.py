"""Package discovery (the rest of the metadata is in pyproject.toml).

Every Python package under the project's top-level folders is found, so a new subpackage
(such as aikg/ui) can never be left out of the wheel; tests/test_wheel.py checks the wheel
against the tree. The curated data in data/ ships as the package `aikg_data`: a folder
mapped to another name, which discovery cannot express on its own."""
from setuptools import find_packages, setup

TOP_LEVEL = ["aikg", "benchmarks", "graph", "ingest", "ontology"]

setup(
    packages=find_packages(include=[p for top in TOP_LEVEL for p in (top, f"{top}.*")]) + ["aikg_data"],
    package_dir={"aikg_data": "data"},
)
