"""Importing another tool's SARIF log as a reviewer."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from perfaudit.config import Config
from perfaudit.discover import discover_files
from perfaudit.model import Category, Severity
from perfaudit.reviewers import build_panel
from perfaudit.reviewers.base import ReviewContext
from perfaudit.reviewers.sarif_import import parse_sarif

HERE = Path(__file__).parent
SCHEMA = Path(__file__).parents[2] / "schemas" / "sarif-schema-2.1.0.json"


def test_fixture_is_valid_sarif() -> None:
    import json

    schema = json.loads(SCHEMA.read_text())
    jsonschema.validate(json.loads((HERE / "external.sarif").read_text()), schema)


def test_parse_maps_results_to_findings() -> None:
    imported = parse_sarif((HERE / "external.sarif").read_text(), "/work/repo")
    assert imported.tool == "PerfLint"
    got = [(f.rule, f.location.path, f.location.start_line, f.location.end_line, f.category,
            f.severity) for f in imported.findings]
    assert got == [
        ("PL101", "svc/handler.go", 13, 15, Category.LOOP_INVARIANT_WORK, Severity.P1),
        ("PL202", "svc/store.go", 30, 30, Category.ALLOCATION, Severity.P2),
        ("SA6005", "svc/handler.go", 21, 21, Category.ALLOCATION, Severity.P2),
        ("PL900", "svc/handler.go", 10, 10, Category.UNCLASSIFIED, Severity.P0),
    ]
    first = imported.findings[0]
    assert first.reviewer == "PerfLint"
    assert first.title == "Regular expression compiled in a loop"
    assert first.fix == "Compile the expression once outside the loop."
    assert first.location.function == "(*Server).Match"
    assert first.location.snippet == "re := regexp.MustCompile(p)"
    assert first.references == ("https://example.org/perflint/PL101",)
    assert imported.artifacts == frozenset({"svc/handler.go", "svc/store.go"})


def test_results_outside_the_repository_are_rejected() -> None:
    imported = parse_sarif((HERE / "external.sarif").read_text(), "/work/repo")
    assert [d.kind for d in imported.rejected] == ["sarif-rejected", "sarif-rejected"]
    assert "regexp.go" in imported.rejected[0].message
    assert "other/x.go" in imported.rejected[1].message


@pytest.mark.parametrize(("text", "problem"), [
    ("not json", r"^not JSON: Expecting value"),
    ("[]", r"^not a SARIF log \(no `runs`\)$"),
    ('{"version": "2.1.0"}', r"^not a SARIF log \(no `runs`\)$"),
])
def test_parse_rejects_what_is_not_sarif(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_sarif(text, "/work/repo")


def test_level_defaults_and_levels() -> None:
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [
        {"ruleId": "a", "level": level, "message": {"text": "m"}, "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": "a.go"}, "region": {"startLine": 1}}}]}
        for level in ("error", "warning", "note", "none")]}]}
    import json

    imported = parse_sarif(json.dumps(log), "/r")
    assert [f.severity for f in imported.findings] == [Severity.P1, Severity.P2, Severity.P2,
                                                       Severity.P2]


def test_reviewer_reads_file_and_reports_under_tool_name(make_repo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_repo({"go.mod": "module m\n", "svc/handler.go": "package svc\n" * 30,
                      "svc/store.go": "package svc\n" * 60, "cmd/main.go": "package main\n"})
    text = (HERE / "external.sarif").read_text().replace("file:///work/repo/", root.as_uri() + "/")
    log = tmp_path / "ext.sarif"
    log.write_text(text)
    name = f"sarif:{log}"
    config = Config(reviewers=(name,))
    reviewer = build_panel([name], config)[0]
    result = reviewer.review(discover_files(root).files, ReviewContext(root=root, config=config))
    assert result.run.name == "PerfLint" and result.run.available
    assert result.run.findings == 4 and result.run.rejected == 2
    assert result.reviewed == frozenset({"svc/handler.go", "svc/store.go"})


def test_missing_sarif_file_is_unavailable(make_repo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_repo({"a.go": "package a\n"})
    name = f"sarif:{tmp_path / 'nope.sarif'}"
    reviewer = build_panel([name], Config())[0]
    result = reviewer.review(discover_files(root).files, ReviewContext(root=root, config=Config()))
    assert result.run.available is False
    assert result.diagnostics[0].kind == "reviewer-unavailable"


@pytest.mark.parametrize(("uri", "base", "expected"), [
    ("file:///work/repo/my%20dir/a.go", None, "my dir/a.go"),
    ("src/a.go", None, "src/a.go"),
    ("./src/../b.go", None, "b.go"),
    ("a.go", "SRC", "src/a.go"),
    ("https://example.org/a.go", None, None),
    ("file:///work/repository/a.go", None, None),
    ("/work/repo/a.go", None, "a.go"),
])
def test_resolve_uri(uri: str, base: str | None, expected: str | None) -> None:
    from perfaudit.reviewers.sarif_import import resolve_uri

    run = {"originalUriBaseIds": {"SRC": {"uri": "file:///work/repo/src/"}}}
    artifact = {"uri": uri, **({"uriBaseId": base} if base else {})}
    assert resolve_uri(run, artifact, "/work/repo") == expected


def test_odd_but_valid_results_are_read_leniently() -> None:
    import json

    log = {"version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "t", "rules": [{"id": "R1", "properties": {"tags": ["io"]}}]}},
        "results": [{"ruleIndex": 0, "message": {"text": "m"}, "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "a.go"}, "region": {"startLine": "x", "endLine": -3}}}]},
            {"message": {"text": "no location"}}]}]}
    imported = parse_sarif(json.dumps(log), "/r")
    [finding] = imported.findings
    assert (finding.rule, finding.category, finding.location.start_line,
            finding.location.end_line) == ("R1", Category.IO, 1, 1)
    assert [d.kind for d in imported.rejected] == ["sarif-rejected"]


def test_stated_fix_impact_effort_risk_and_testing_are_kept() -> None:
    import json

    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Model-A", "rules": [
        {"id": "M1", "properties": {"effort": "S", "risk": "low"}}]}},
        "results": [{"ruleId": "M1", "message": {"text": "graders rebuilt per request"},
                     "properties": {"fix": "Cache the graders.", "impact": "-40% p99",
                                    "testing": {"text": "a benchmark of /grade"}},
                     "locations": [{"physicalLocation": {
                         "artifactLocation": {"uri": "svc/grade.py"},
                         "region": {"startLine": 7}}}]}]}]}
    [found] = parse_sarif(json.dumps(log), "/work/repo").findings
    assert (found.fix, found.impact, found.effort, found.risk, found.testing) == (
        "Cache the graders.", "-40% p99", "S", "low", "a benchmark of /grade")
    assert found.category is Category.UNCLASSIFIED
