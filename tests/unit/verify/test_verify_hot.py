"""Matching findings to profiled functions and re-ranking them (pure)."""

from __future__ import annotations

import pytest

from perfaudit.model import (
    Agreement,
    AuditInfo,
    Category,
    ConsolidatedFinding,
    Location,
    Report,
    Severity,
)
from perfaudit.verify.hot import canonical, matches, short_name
from perfaudit.verify.plan import bench_key, function_key, match_benchmarks
from perfaudit.verify.profile import FunctionCost, Profile, parse_folded
from perfaudit.verify.rerank import rerank


def finding(number: int, path: str, function: str, line: int,
            severity: Severity = Severity.P1) -> ConsolidatedFinding:
    return ConsolidatedFinding(
        number=number, fingerprint=f"fp{number}", rule=None, category=Category.ALGORITHMIC,
        severity=severity, title="t", problem="p", fix="f",
        location=Location(path=path, start_line=line, end_line=line, function=function),
        reviewers=("rules",), agreement=Agreement.SINGLE)


@pytest.mark.parametrize(("name", "short"), [
    ("github.com/x/y/pkg.(*Runner).runTest", "(*Runner).runTest"),
    ("main.slow", "slow"),
    ("github.com/x/y/pkg.Map[...]", "Map[...]"),
    ("Class.method", "Class.method"),
    ("method", "method"),
])
def test_short_names(name: str, short: str) -> None:
    assert short_name(name) == short


def test_canonical_names() -> None:
    assert canonical("(*Runner).runTest") == "Runner.runTest"
    assert canonical("(*Runner).runTest.func1.2") == "Runner.runTest"
    assert canonical("Map[go.shape.int]") == "Map"


def _profile(*functions: FunctionCost) -> Profile:
    return Profile(source="cpu.pprof", sample_type="cpu", unit="nanoseconds", total=100.0,
                   functions=functions)


GO_PROFILE = _profile(
    FunctionCost(name="github.com/x/y/pkg.(*Runner).runTest", file="/src/y/pkg/runner.go",
                 line=10, flat=20, cumulative=31),
    FunctionCost(name="github.com/x/y/pkg.(*Runner).runTest.func1", file="/src/y/pkg/runner.go",
                 line=14, flat=5, cumulative=5),
    FunctionCost(name="github.com/x/y/other.(*Runner).runTest", file="/src/y/other/runner.go",
                 line=3, flat=40, cumulative=60),
    FunctionCost(name="runtime.mallocgc", file="/go/src/runtime/malloc.go", flat=9, cumulative=9),
)


def test_pprof_names_and_paths_match_a_findings_function() -> None:
    found = matches(finding(1, "pkg/runner.go", "(*Runner).runTest", 12), GO_PROFILE)
    assert {f.line for f in found} == {10, 14}
    assert matches(finding(2, "pkg/runner.go", "(*Runner).other", 12), GO_PROFILE) == []
    assert matches(finding(3, "x/pkg/runner.go", "(*Runner).runTest", 12), GO_PROFILE) == []


def test_pstats_name_with_file_and_nearest_definition() -> None:
    profile = _profile(FunctionCost(name="run", file="/app/jobs.py", line=10, cumulative=50),
                       FunctionCost(name="run", file="/app/jobs.py", line=40, cumulative=5),
                       FunctionCost(name="run", file="/app/other.py", line=1, cumulative=99))
    first = matches(finding(1, "jobs.py", "Fetcher.run", 12), profile)
    second = matches(finding(2, "jobs.py", "Parser.run", 44), profile)
    assert [f.line for f in first] == [10] and [f.line for f in second] == [40]


def test_rerank_escalates_hot_lowers_unseen_and_reorders() -> None:
    hot = finding(2, "pkg/runner.go", "(*Runner).runTest", 12)
    cold = finding(1, "pkg/runner.go", "(*Runner).neverRun", 40)
    report = Report(schema_version="1.0", audit=_audit(), findings=(cold, hot))
    ranked = rerank(report, GO_PROFILE)
    by_number = {f.number: f for f in ranked.findings}
    assert by_number[2].severity is Severity.P0
    assert by_number[2].hotness == pytest.approx(0.31)
    assert "escalated: 31 % of CPU" in by_number[2].resolution
    assert by_number[2].evidence[-1].summary == "31 % of CPU (cumulative), 25 % flat in (*Runner).runTest"
    assert by_number[1].severity is Severity.P2
    assert by_number[1].evidence[-1].summary == "not observed in profile — likely low impact"
    assert [f.number for f in ranked.findings] == [2, 1]
    names = [h.name for h in ranked.hot_functions]
    assert names[:2] == ["other.(*Runner).runTest", "pkg.(*Runner).runTest"]
    assert "runtime.mallocgc" in names
    assert [h.path for h in ranked.hot_functions[:2]] == ["other/runner.go", "pkg/runner.go"]
    assert ranked.hot_functions[0].findings == ()
    assert next(h for h in ranked.hot_functions if h.findings == (2,)).cumulative == pytest.approx(0.31)


def test_actions_follow_the_new_severities() -> None:
    from perfaudit.consolidate import plan_actions

    cold = finding(1, "a.go", "Cold", 1)
    hot = finding(2, "pkg/runner.go", "(*Runner).runTest", 12, severity=Severity.P2)
    report = Report(schema_version="1.0", audit=_audit(), findings=(cold, hot),
                    actions=plan_actions([cold, hot]))
    ranked = rerank(report, GO_PROFILE)
    assert [(a.findings, a.severity) for a in ranked.actions] == [((2,), Severity.P1),
                                                                  ((1,), Severity.P2)]


def test_folded_stacks() -> None:
    profile = parse_folded("main (app.py:1);work (app.py:5);slow (app.py:9) 30\n"
                           "main (app.py:1);work (app.py:5) 10\nmain;idle 60\n")
    costs = {(f.name, f.file): f for f in profile.functions}
    assert profile.total == 100
    assert costs[("slow", "app.py")].flat == 30
    assert costs[("work", "app.py")].cumulative == 40 and costs[("work", "app.py")].flat == 10
    assert costs[("idle", "")].flat == 60
    assert profile.noun == "of samples"


def test_benchmarks_match_findings_by_function_name() -> None:
    assert bench_key("Dedupe/small-8") == "dedupe"
    assert bench_key("test_dedupe[100]") == "dedupe"
    assert function_key("(*Set).Dedupe") == "dedupe"
    findings = [finding(1, "a.go", "(*Set).Dedupe", 3), finding(2, "b.go", "Other", 3)]
    assert match_benchmarks(findings, ["Dedupe-8", "Sum-8"]) == {1: ["Dedupe-8"]}


def _audit() -> AuditInfo:
    return AuditInfo(id="t", target="/t", commit=None, started="s", finished="f",
                     tool_version="0")
