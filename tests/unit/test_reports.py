"""Renderers: findings.json matches the shipped schema, SARIF validates against OASIS 2.1.0."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from perfaudit.config import Config
from perfaudit.pipeline import Hooks, run_audit
from perfaudit.render import FORMATS, markdown, renderer, sarif
from perfaudit.render import json as json_render
from perfaudit.render._text import cell, source_link, span

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
GO = """package svc

import (
\t"net/http"
\t"time"
)

func Loop(stop chan struct{}) {
\tfor {
\t\tselect {
\t\tcase <-stop:
\t\t\treturn
\t\tcase <-time.After(time.Second):
\t\t}
\t}
}

// Handle runs per request, so Loop is hot: its match is a finding, not a lead.
func Handle(w http.ResponseWriter, r *http.Request) {
\tLoop(nil)
}
"""


@pytest.fixture
def report(make_repo, hooks: Hooks):
    root = make_repo({"go.mod": "module x\n\ngo 1.21\n", "svc/loop.go": GO,
                      "svc/bad.go": "package svc\nfunc (\n\ttime.After(1)\n"})
    return run_audit(root, Config(jobs=1), hooks)


def test_report_has_the_finding_with_version_wording(report) -> None:
    assert [(f.rule, f.location.path, f.location.start_line, f.location.function)
            for f in report.findings] == [("time-after-in-loop", "svc/loop.go", 13, "Loop")]
    assert report.findings[0].severity.value == "P1"  # leaks before Go 1.23
    assert report.audit.language_versions == {"go": "1.21"}
    kinds = {(d.kind, d.path) for d in report.audit.diagnostics}
    assert ("parse-error", "svc/bad.go") in kinds


def test_shipped_schema_is_current() -> None:
    shipped = resources.files("perfaudit").joinpath("data/findings.schema.json").read_text()
    assert shipped == json_render.schema_text(), "run `make schema`"


def test_findings_json_validates_and_round_trips(report) -> None:
    text = json_render.render(report)
    schema = json.loads(resources.files("perfaudit").joinpath("data/findings.schema.json")
                        .read_text())
    jsonschema.validate(json.loads(text), schema)
    assert json_render.load(text) == report


def test_sarif_validates_against_oasis_schema(report) -> None:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text())
    log = sarif.to_sarif(report)
    jsonschema.Draft7Validator(schema).validate(log)
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "time-after-in-loop"
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "svc/loop.go"
    assert set(result["partialFingerprints"]) == {"perfaudit/v1"}


def test_markdown_sections_in_order(report) -> None:
    text = markdown.render(report)
    order = ["# Performance audit", "## Summary", "## Findings", "## Prioritised actions",
             "## Implementation plan", "## Findings in detail", "## How this audit was made"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "`svc/loop.go:13`" in text
    assert "1 unique finding across 1 category" in text


def test_every_format_renders_deterministically(report) -> None:
    for name in FORMATS:
        assert renderer(name)(report) == renderer(name)(report)


def test_text_helpers() -> None:
    from perfaudit.model import AuditInfo, Location

    loc = Location(path="a/b.go", start_line=3, end_line=5)
    assert span(loc) == "a/b.go:3-5"
    assert cell("a | b\nc") == "a \\| b c"
    audit = AuditInfo(id="x", target="/t", commit="abc", started="", finished="",
                      tool_version="0", repository_url="https://github.com/o/r", path_prefix="svc/")
    assert source_link(audit, loc) == "https://github.com/o/r/blob/abc/svc/a/b.go#L3-L5"


def test_method_section_names_files_a_reviewer_left_out(report) -> None:
    from dataclasses import replace as swap

    from perfaudit.model import ReviewerRun, Skip
    from perfaudit.pipeline import _with_coverage
    from perfaudit.reviewers.base import ReviewResult

    run = _with_coverage(ReviewResult(
        run=ReviewerRun(name="openai:m", prompt_version="abc123"),
        skipped=(Skip(path="b.go", reason="budget"), Skip(path="a.go", reason="budget"),
                 Skip(path="c.go", reason="too large"))))
    assert [s.path for s in run.not_reviewed] == ["a.go", "b.go", "c.go"]
    text = markdown.render(swap(report, audit=swap(report.audit, reviewers=(run,))))
    assert "- openai:m did not review 3 files — budget: 2, too large: 1" in text
    assert "Prompt versions: openai:m: `abc123`" in text
