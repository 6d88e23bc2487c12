"""Markdown sections for verification: baseline benchmark metrics and the hottest functions."""

from __future__ import annotations

from perfaudit.model import BenchmarkMetric, Report
from perfaudit.render._text import cell, code_cell

_TIME = ((1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns"))
_UNITS = {"sec/op": "time/op", "B/op": "memory/op", "allocs/op": "allocations/op"}


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "sec/op":
        for scale, suffix in _TIME:
            if abs(value) >= scale or scale == 1e-9:
                return f"{value / scale:.4g} {suffix}"
    if unit == "B/op":
        return f"{value:,.0f} B"
    return f"{value:.4g}"


def _change(metric: BenchmarkMetric) -> str:
    if metric.p_value is None:
        return "one side only"
    if not metric.significant or metric.delta_pct is None:
        return f"~ (p={metric.p_value:.3f})"
    return f"{metric.delta_pct:+.1f}% (p={metric.p_value:.3f})"


def baseline(report: Report) -> list[str]:
    """Time, memory and allocations per op before and after, with the change and its p."""
    if not report.metrics:
        return []
    lines = ["## Baseline metrics and verification", "",
             "| Benchmark | Metric | Before | After | Change |", "|---|---|---|---|---|"]
    lines += [f"| {cell(m.benchmark)} | {_UNITS.get(m.unit, m.unit)} "
              f"| {_value(m.before, m.unit)} | {_value(m.after, m.unit)} | {_change(m)} |"
              for m in report.metrics]
    lines += ["", "Medians; the change is tested with a two-sided Mann-Whitney U test "
              "(~: no significant change).", ""]
    return lines


def hottest(report: Report) -> list[str]:
    """The profile's hottest functions and the findings that sit in them."""
    if not report.hot_functions:
        return []
    lines = ["## Hottest functions", ""]
    if report.profile_source:
        lines += [f"Profile: `{report.profile_source}`.", ""]
    lines += ["| Function | File | Flat | Cumulative | Findings |", "|---|---|---|---|---|"]
    for h in report.hot_functions:
        refs = ", ".join(f"#{n}" for n in h.findings) or "—"
        lines.append(f"| {code_cell(h.name)} | {cell(h.path) or '—'} | {h.flat:.1%} "
                     f"| {h.cumulative:.1%} | {refs} |")
    return [*lines, ""]
