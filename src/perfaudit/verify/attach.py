"""Attach benchmark results to a report: baseline metrics and per-finding evidence (pure)."""

from __future__ import annotations

from dataclasses import replace

from perfaudit.model import BenchmarkMetric, Evidence, Report
from perfaudit.verify.compare import Comparison, Row
from perfaudit.verify.merge import BENCHMARK, drop_benchmarks
from perfaudit.verify.plan import match_benchmarks
from perfaudit.verify.table import format_value


def to_metrics(comparison: Comparison) -> tuple[BenchmarkMetric, ...]:
    """One metric per benchmark and unit, as the report's baseline table shows them."""
    return tuple(BenchmarkMetric(
        benchmark=r.name, unit=r.unit,
        before=r.base.median if r.base else None, after=r.head.median if r.head else None,
        before_interval=(r.base.low, r.base.high) if r.base else None,
        after_interval=(r.head.low, r.head.high) if r.head else None,
        delta_pct=r.delta_pct, p_value=r.p_adjusted if r.p_adjusted is not None else r.p_value,
        significant=r.significant) for r in comparison.rows)


def _evidence(row: Row, base_label: str, head_label: str) -> Evidence:
    before = format_value(row.base.median, row.unit) if row.base else "—"
    after = format_value(row.head.median, row.unit) if row.head else "—"
    if row.significant and row.delta_pct is not None:
        change = f"{row.delta_pct:+.1f}% (p={row.p_adjusted or row.p_value or 0:.3f})"
    else:
        change = "no significant change"
    return Evidence(kind=BENCHMARK,
                    summary=f"{row.name} {row.unit}: {before} → {after}, {change}",
                    detail=f"{base_label} → {head_label}, n={len(row.base_samples)}+"
                           f"{len(row.head_samples)}, Mann-Whitney U")


def attach_benchmarks(report: Report, comparison: Comparison, base_label: str,
                      head_label: str) -> Report:
    """The report with baseline metrics, and benchmark evidence on findings named like one.

    Earlier results of the benchmarks measured now are replaced; those of other benchmarks
    (another package's, compared before) are kept.
    """
    names = list(dict.fromkeys(r.name for r in comparison.rows))
    report = drop_benchmarks(report, set(names))
    matched = match_benchmarks(report.findings, names)
    findings = []
    for finding in report.findings:
        rows = [r for r in comparison.rows if r.name in matched.get(finding.number, [])]
        extra = tuple(_evidence(r, base_label, head_label) for r in rows)
        findings.append(replace(finding, evidence=(*finding.evidence, *extra)) if extra
                        else finding)
    return replace(report, findings=tuple(findings),
                   metrics=(*report.metrics, *to_metrics(comparison)))
