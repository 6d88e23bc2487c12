"""Benchmark results kept and replaced per benchmark (pure)."""

from __future__ import annotations

from dataclasses import replace

from perfaudit.model import (
    Agreement,
    AuditInfo,
    BenchmarkMetric,
    Category,
    ConsolidatedFinding,
    Evidence,
    Location,
    Report,
    Severity,
)
from perfaudit.verify.merge import carry_benchmarks, drop_benchmarks

PROFILE = Evidence(kind="profile", summary="80 % of samples")


def _bench(name: str) -> Evidence:
    return Evidence(kind="benchmark", summary=f"{name} sec/op: 1 → 2, no significant change")


def _finding(number: int, *evidence: Evidence) -> ConsolidatedFinding:
    return ConsolidatedFinding(
        number=number, fingerprint=f"fp{number}", rule="r", category=Category.ALLOCATION,
        severity=Severity.P1, title="t", problem="p", fix="f",
        location=Location(path="a.go", start_line=1, end_line=1), reviewers=("rules",),
        agreement=Agreement.SINGLE, evidence=evidence)


def _report(*findings: ConsolidatedFinding, metrics: tuple[str, ...] = ()) -> Report:
    audit = AuditInfo(id="x", target="/t", commit=None, started="s", finished="f",
                      tool_version="0")
    return Report(schema_version="1.0", audit=audit, findings=findings,
                  metrics=tuple(BenchmarkMetric(benchmark=m, unit="sec/op") for m in metrics))


def test_drop_the_named_benchmarks_only() -> None:
    report = _report(_finding(1, PROFILE, _bench("A-2"), _bench("AB-2")), metrics=("A-2", "AB-2"))
    dropped = drop_benchmarks(report, {"A-2"})
    assert dropped.findings[0].evidence == (PROFILE, _bench("AB-2"))
    assert [m.benchmark for m in dropped.metrics] == ["AB-2"]
    every = drop_benchmarks(report)
    assert every.findings[0].evidence == (PROFILE,) and every.metrics == ()


def test_carry_benchmarks_by_fingerprint_replacing_the_reports_own() -> None:
    earlier = _report(_finding(1, _bench("A-2")), _finding(2), metrics=("A-2",))
    ranked = _report(_finding(2, PROFILE), replace(_finding(1, PROFILE, _bench("Old-2"))),
                     metrics=("Old-2",))
    carried = carry_benchmarks(ranked, earlier)
    assert [f.evidence for f in carried.findings] == [(PROFILE,), (PROFILE, _bench("A-2"))]
    assert carried.metrics == earlier.metrics
    assert carry_benchmarks(carried, earlier) == carried
