"""One verified report for an audit, whichever of bench, compare and profile ran last (pure).

Each verification replaces only its own results: a benchmark comparison replaces the results
of the benchmarks it measured and keeps the others and any profile re-ranking; a profile
re-ranks the audit's own findings afresh (so it never escalates twice) and keeps every
benchmark result.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from perfaudit.model import ConsolidatedFinding, Evidence, Report

BENCHMARK = "benchmark"
"""The kind of the evidence a benchmark comparison attaches to a finding."""


def _measures(evidence: Evidence, names: Collection[str] | None) -> bool:
    """Whether ``evidence`` is a benchmark result of one of ``names`` (of any when None)."""
    if evidence.kind != BENCHMARK:
        return False
    return names is None or any(evidence.summary.startswith(f"{name} ") for name in names)


def drop_benchmarks(report: Report, names: Collection[str] | None = None) -> Report:
    """``report`` without the metrics and evidence of the benchmarks ``names`` (every
    benchmark's when None)."""
    findings = tuple(replace(f, evidence=tuple(e for e in f.evidence if not _measures(e, names)))
                     for f in report.findings)
    metrics = () if names is None else tuple(m for m in report.metrics
                                            if m.benchmark not in names)
    return replace(report, findings=findings, metrics=metrics)


def _with_evidence(finding: ConsolidatedFinding,
                   extra: dict[str, tuple[Evidence, ...]]) -> ConsolidatedFinding:
    more = extra.get(finding.fingerprint, ())
    return replace(finding, evidence=(*finding.evidence, *more)) if more else finding


def carry_benchmarks(report: Report, earlier: Report) -> Report:
    """``report`` with the benchmark results of ``earlier`` (a verified report of the same
    audit) in place of its own: the metrics, and each finding's benchmark evidence."""
    extra = {f.fingerprint: tuple(e for e in f.evidence if e.kind == BENCHMARK)
             for f in earlier.findings}
    bare = drop_benchmarks(report)
    return replace(bare, findings=tuple(_with_evidence(f, extra) for f in bare.findings),
                   metrics=earlier.metrics)
