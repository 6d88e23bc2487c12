"""The Action helper's parts: event parsing, perfaudit's arguments, outputs and the summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfaudit.errors import UsageError
from perfaudit.integrations.github_action import ActionInputs, audit_arguments, audit_environment
from perfaudit.integrations.github_event import base_revision
from perfaudit.integrations.github_outputs import Reports, output_lines, outputs_for, summary_text
from perfaudit.model import (
    Agreement,
    AuditInfo,
    Category,
    ConsolidatedFinding,
    Location,
    Report,
    Severity,
    Tier,
)

SHA = "a" * 40


@pytest.mark.parametrize(("name", "event", "expected"), [
    ("pull_request", {"pull_request": {"base": {"sha": SHA}}}, SHA),
    ("pull_request_target", {"pull_request": {"base": {"sha": SHA}}}, SHA),
    ("merge_group", {"merge_group": {"base_sha": SHA}}, SHA),
    ("push", {"before": "b" * 40}, None),
    ("workflow_dispatch", {}, None),
])
def test_base_revision_by_event(name: str, event: dict[str, object], expected: str | None) -> None:
    assert base_revision(name, event) == expected


@pytest.mark.parametrize("event", [{}, {"pull_request": {"base": {}}},
                                   {"pull_request": {"base": {"sha": "main"}}},
                                   {"pull_request": "x"}])
def test_pull_request_without_a_base_commit_is_an_error(event: dict[str, object]) -> None:
    with pytest.raises(UsageError, match="names no base commit"):
        base_revision("pull_request", event)


def test_inputs_come_from_the_environment() -> None:
    inputs = ActionInputs.from_environ({"INPUT_PATH": " services/api ", "INPUT_FAIL_ON": "p1",
                                        "INPUT_REVIEWERS": "rules,ruff", "INPUT_SELECT": "go"})

    assert inputs == ActionInputs(path="services/api", fail_on="p1", reviewers="rules,ruff",
                                  select="go")
    assert ActionInputs.from_environ({}).path == "."


def test_audit_arguments() -> None:
    out = Path("/runner/perfaudit-action")
    everything = ActionInputs(path="svc", reviewers="rules", fail_on="p1", config="ci.toml",
                              select="go", ignore="defer-in-loop")

    assert audit_arguments(everything, out_dir=out, base=SHA) == [
        "audit", "--output", str(out), "--format", "md,json,sarif", "--no-history",
        "--fail-on", "P1", "--reviewer", "rules", "--config", "ci.toml", "--select", "go",
        "--ignore", "defer-in-loop", "--new-from-rev", SHA, "--", "svc"]
    assert audit_arguments(ActionInputs(fail_on="none"), out_dir=out, base=None) == [
        "audit", "--output", str(out), "--format", "md,json,sarif", "--no-history", "--", "."]
    dashed = audit_arguments(ActionInputs(path="-weird"), out_dir=out, base=None)
    assert dashed[-2:] == ["--", "-weird"]


def test_api_keys_are_passed_only_when_given() -> None:
    env = audit_environment({"INPUT_OPENAI_API_KEY": "sk-1", "INPUT_ANTHROPIC_API_KEY": "",
                             "ANTHROPIC_API_KEY": "from-workflow", "PATH": "/bin"})

    assert env == {"OPENAI_API_KEY": "sk-1", "ANTHROPIC_API_KEY": "from-workflow", "PATH": "/bin"}


def _finding(number: int, severity: Severity, tier: Tier = Tier.FINDING) -> ConsolidatedFinding:
    return ConsolidatedFinding(
        number=number, fingerprint=f"f{number}", rule="r", category=Category.IO, severity=severity,
        title="t", problem="p", fix="f", location=Location(path="a.go", start_line=number,
                                                          end_line=number),
        reviewers=("rules",), agreement=Agreement.SINGLE, tier=tier)


def test_outputs_count_findings_by_severity_and_leads_apart() -> None:
    audit = AuditInfo(id="x", target="t", commit=None, started="s", finished="f",
                      tool_version="0", complete=False, incomplete_reasons=("reviewer failed",))
    report = Report(schema_version="1", audit=audit, findings=(
        _finding(1, Severity.P0), _finding(2, Severity.P1), _finding(3, Severity.P1),
        _finding(4, Severity.P0, Tier.LEAD)))
    reports = Reports(markdown=Path("/o/report.md"), json=Path("/o/findings.json"))

    outputs = outputs_for(report, reports, exit_code=4, base=SHA)

    assert outputs == {"findings": "3", "p0": "1", "p1": "2", "p2": "0", "leads": "1",
                       "report": "/o/report.md", "findings-json": "/o/findings.json",
                       "sarif": "", "exit-code": "4", "incomplete": "true", "base": SHA}


def test_outputs_without_a_report() -> None:
    outputs = outputs_for(None, Reports(), exit_code=2, base=None)

    assert (outputs["findings"], outputs["incomplete"], outputs["report"]) == ("0", "true", "")


def test_output_lines_delimit_multiline_values() -> None:
    text = output_lines({"one": "1", "many": "a\nb"})

    first, rest = text.split("\n", 1)
    assert first == "one=1"
    header, body = rest.split("\n", 1)
    name, delimiter = header.split("<<")
    assert (name, body) == ("many", f"a\nb\n{delimiter}\n")
    assert delimiter not in "a\nb"


def test_summary_is_cut_at_a_line_to_fit() -> None:
    markdown = "".join(f"| {i} | row |\n" for i in range(1000))

    text = summary_text(markdown, exit_code=1, report_path=Path("/o/report.md"), limit=2000)

    assert len(text.encode()) <= 2000
    kept, note = text.split("\n\n*", 1)
    assert markdown.startswith(kept + "\n")
    assert "/o/report.md" in note
    assert summary_text("# t", exit_code=0, report_path=None) == "# t\n"
    assert "no report (exit 3)" in summary_text(None, exit_code=3, report_path=None)
