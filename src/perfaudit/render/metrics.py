"""Success metrics for the implementation plan: what to measure per action, and how (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from perfaudit.model import Action, Category, ConsolidatedFinding, Report

_MEASURED = ("benchmark", "profile")
# category -> (metric, target, how it is measured)
_BY_CATEGORY: dict[Category, tuple[str, str, str]] = {
    Category.ALGORITHMIC: ("time/op at a large input", "grows linearly with input size",
                           "benchmark at two input sizes (`-bench`, `-count 10`)"),
    Category.LOOP_INVARIANT_WORK: ("time/op and allocs/op", "work done once, not per iteration",
                                   "benchmark with `-benchmem` before and after"),
    Category.ALLOCATION: ("allocs/op and B/op", "fewer allocations per operation",
                          "benchmark with `-benchmem` (or tracemalloc) before and after"),
    Category.IO: ("bytes read and syscalls per operation", "one streamed pass",
                  "benchmark plus strace/pprof block profile"),
    Category.CACHING: ("cache hit rate and time/op", "repeated work served from the cache",
                       "benchmark of the repeated path"),
    Category.CONCURRENCY: ("lock wait time", "no contention on the hot lock",
                           "mutex/block profile under load"),
    Category.LEAK: ("live goroutines / heap after sustained load", "flat over time",
                    "heap and goroutine profiles taken before and after a soak run"),
    Category.LIFECYCLE: ("time to cancel or shut down", "returns promptly on cancellation",
                         "test that cancels the context and measures the return"),
    Category.NETWORK: ("connections opened per request", "connections reused",
                       "httptrace / connection metrics under load"),
    Category.SERIALIZATION: ("time/op and B/op of encoding", "no round trip through an encoder",
                             "benchmark with `-benchmem` before and after"),
    Category.CORRECTNESS: ("failing case", "covered by a test", "a regression test"),
    Category.UNCLASSIFIED: ("the cost the finding names", "gone after the change",
                            "a benchmark of the affected path before and after"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Metric:
    """One row of the success-metrics table."""

    action: str
    metric: str
    before: str
    target: str
    how: str


def _measured(findings: list[ConsolidatedFinding]) -> str:
    for finding in findings:
        for evidence in finding.evidence:
            if evidence.kind.startswith(_MEASURED):
                return evidence.summary
    return "not measured"


def metric_for(action: Action, findings: list[ConsolidatedFinding]) -> Metric:
    """The metric row for ``action`` given the findings it fixes."""
    lead = min(findings, key=lambda f: (f.severity.rank, f.number), default=None)
    category = lead.category if lead else Category.CORRECTNESS
    metric, target, how = _BY_CATEGORY[category]
    return Metric(action=action.title, metric=metric, before=_measured(findings), target=target,
                  how=action.testing or how)


def success_metrics(report: Report, limit: int = 10) -> list[Metric]:
    """Metric rows for the first ``limit`` actions, in plan order."""
    numbered = {f.number: f for f in report.findings}
    return [metric_for(a, [numbered[n] for n in a.findings if n in numbered])
            for a in report.actions[:limit]]
