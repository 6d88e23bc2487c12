"""findings.json and SARIF carry the panel: reviewers, agreement, votes, resolution, members."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from panel_report import ALPHA, BETA, panel_report

from perfaudit.fingerprint import VERSION
from perfaudit.render import FORMATS
from perfaudit.render.json import load
from perfaudit.render.json import render as render_json
from perfaudit.render.sarif import render as render_sarif

SARIF_SCHEMA = json.loads(
    (Path(__file__).parents[1] / "schemas" / "sarif-schema-2.1.0.json").read_text())


def test_findings_json_carries_the_panel_per_finding() -> None:
    report = panel_report()
    data = json.loads(render_json(report))
    agreed = next(f for f in data["findings"] if f["agreement"] == "all")
    assert agreed["reviewers"] == [BETA, ALPHA, "rules"]
    assert agreed["severity_votes"] == [{"reviewer": BETA, "severity": "P2"},
                                        {"reviewer": ALPHA, "severity": "P1"},
                                        {"reviewer": "rules", "severity": "P1"}]
    assert agreed["resolution"] == "2 of 3 votes (policy: evidence, ties go up)"
    assert [(m["reviewer"], m["location"]["start_line"]) for m in agreed["members"]] == [
        (BETA, 10), ("rules", 10), (ALPHA, 11)]
    assert {f["agreement"] for f in data["findings"]} == {"all", "majority", "single"}
    assert load(render_json(report)) == report


def test_sarif_validates_against_the_oasis_schema() -> None:
    jsonschema.validate(json.loads(render_sarif(panel_report())), SARIF_SCHEMA)


def test_sarif_has_one_result_per_consolidated_finding_with_its_members() -> None:
    report = panel_report()
    run = json.loads(render_sarif(report))["runs"][0]
    assert len(run["results"]) == len(report.findings)
    prints = [r["partialFingerprints"][VERSION] for r in run["results"]]
    assert len(set(prints)) == len(prints)
    agreed = next(r for r in run["results"] if r["properties"]["agreement"] == "all")
    props = agreed["properties"]
    assert props["reviewers"] == [BETA, ALPHA, "rules"]
    assert {v["reviewer"]: v["severity"] for v in props["severityVotes"]} == {
        BETA: "P2", ALPHA: "P1", "rules": "P1"}
    assert props["resolution"].startswith("2 of 3 votes")
    assert sorted(m["reviewer"] for m in props["members"]) == sorted([BETA, ALPHA, "rules"])
    assert agreed["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 11
    assert "found by" in agreed["message"]["text"]


def test_every_format_is_registered() -> None:
    assert set(FORMATS) >= {"md", "json", "sarif", "html"}
    assert FORMATS["html"][0] == "report.html"
