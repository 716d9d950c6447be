"""`aikg check`: clean data passes; each kind of quality problem is caught."""
from __future__ import annotations

from helpers import copy_fixture, run_cli

CONTRADICTIONS = """
sources:
  - id: source:q
    name: Q
    source_kind: primary
organizations:
  - id: org:example-co-duplicate
    name: Example-Co
    organization_kind: company
    sources: [source:q]
models:
  - id: model:q
    name: Q model
    developers: [org:example-co]
    sources: [source:q]
releases:
  - id: release:q/closed-but-downloadable
    name: Q release
    model: model:q
    date: "2099-01"
    channels: [channel:example-hub]
    sources: [source:q]
    artifacts:
      - id: artifact:q/weights
        name: Q weights
        artifact_kind: final_weights
        availability: closed
  - id: release:q/open-without-channel
    name: Q second release
    model: model:q
    date: "2024-02"
    sources: [source:q]
    artifacts:
      - id: artifact:q2/weights
        name: Q weights again
        artifact_kind: final_weights
        availability: open
people:
  - id: person:q
    name: Q Person
    sources: [source:q]
    roles:
      - organization: org:example-co
        title: CEO
        start_date: "2023"
        end_date: "2021"
"""


def checks_by_name(report):
    return {c["name"]: c for c in report["checks"]}


def test_clean_fixture_passes(store, env, tmp_path):
    data = copy_fixture(tmp_path)
    run_cli("ingest", str(data), "--json")
    code, report, out = run_cli("check", str(data), "--json")
    assert code == 0 and report["ok"], out
    assert report["files"]["records"] > 0
    checks = checks_by_name(report)
    assert checks["sourceless_nodes"]["count"] == 0
    assert checks["primary_sources_without_url"]["count"] == 0
    assert {"id": "source:example-report", "kind": "secondary", "name": "Example report (fictional)"} in \
        checks["sources_without_url"]["items"]  # a warning: reporting may have no address
    assert checks["model_without_release"]["items"] == [{"id": "model:example-1-chat"}]


def test_contradictions_duplicates_and_dates_are_errors(store, env, tmp_path):
    data = copy_fixture(tmp_path)
    (data / "zz-quality.yaml").write_text(CONTRADICTIONS, encoding="utf-8")
    code, _, out = run_cli("ingest", str(data), "--json")
    assert code == 0, out
    code, report, _ = run_cli("check", str(data), "--json")
    assert code == 1 and report["ok"] is False
    checks = checks_by_name(report)
    assert {"id": "release:q/closed-but-downloadable"} in checks["download_channel_without_artifacts"]["items"]
    assert {"id": "release:q/open-without-channel"} in checks["weights_without_download_channel"]["items"]
    assert {"id": "release:q/closed-but-downloadable", "date": "2099-01"} in checks["dates_out_of_range"]["items"]
    assert checks["role_dates_out_of_order"]["count"] == 1
    assert checks["primary_sources_without_url"]["items"] == [{"id": "source:q", "name": "Q"}]
    [dup] = checks["duplicate_entities"]["items"]
    assert dup["ids"] == ["org:example-co", "org:example-co-duplicate"]


def test_file_problems_fail_the_check(store, env, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("models:\n  - id: model:x\n    name: X\n    sources: [source:nowhere]\n", encoding="utf-8")
    code, report, _ = run_cli("check", str(bad), "--json")
    assert code == 1 and report["files"]["problems"][0]["reason"] == "source 'source:nowhere' is defined nowhere"
