"""Text and JSON views of a benchmark comparison, benchstat style (pure)."""

from __future__ import annotations

from typing import Any

from perfaudit.verify.compare import Comparison, Row
from perfaudit.verify.stats import Summary

_TIME = ((1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns"))
_BYTES = ((1024.0**3, "GiB"), (1024.0**2, "MiB"), (1024.0, "KiB"))


def _number(value: float) -> str:
    return f"{value:.4g}"


def format_value(value: float, unit: str) -> str:
    """A value with a readable scale: ``1.234ms``, ``2.5KiB``, ``12``."""
    if unit == "sec/op":
        for scale, suffix in _TIME:
            if abs(value) >= scale or scale == 1e-9:
                return f"{_number(value / scale)}{suffix}"
    if unit == "B/op":
        for scale, suffix in _BYTES:
            if abs(value) >= scale:
                return f"{_number(value / scale)}{suffix}"
        return f"{_number(value)}B"
    return _number(value)


def _side(summary: Summary | None, unit: str) -> str:
    if summary is None:
        return "—"
    text = format_value(summary.median, unit)
    if summary.median and summary.n > 1:
        half = max(summary.median - summary.low, summary.high - summary.median)
        text += f" ± {abs(half / summary.median) * 100:.0f}%"
    return text


def _verdict(row: Row) -> str:
    if row.p_value is None:
        return "(one side only)"
    n = f"n={len(row.base_samples)}+{len(row.head_samples)}"
    p = row.p_adjusted if row.p_adjusted is not None else row.p_value
    if not row.significant or row.delta_pct is None:
        return f"~ (p={p:.3f} {n})"
    return f"{row.delta_pct:+.2f}% (p={p:.3f} {n})"


def render_text(comparison: Comparison, base_label: str, head_label: str) -> str:
    """The comparison as aligned columns, one block per unit, then warnings."""
    lines: list[str] = []
    for unit in dict.fromkeys(r.unit for r in comparison.rows):
        table = [[unit, base_label, head_label, "vs base"]]
        table += [[r.name, _side(r.base, unit), _side(r.head, unit), _verdict(r)]
                  for r in comparison.rows if r.unit == unit]
        for g in comparison.geomeans:
            if g.unit == unit:
                change = f"{g.delta_pct:+.2f}%" if g.delta_pct is not None else ""
                table.append(["geomean", format_value(g.base, unit), format_value(g.head, unit),
                              change])
        widths = [max(len(row[i]) for row in table) for i in range(3)]
        lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, [*widths, 0], strict=True))
                  .rstrip() for row in table]
        lines.append("")
    correction = "Holm–Bonferroni corrected" if comparison.holm else "uncorrected"
    lines.append(f"Mann-Whitney U, two-sided, α={comparison.alpha:g} ({correction}); "
                 f"± is the {comparison.level:.0%} interval of the median; ~ means no significant "
                 "change.")
    lines += [f"warning: {w}" for w in comparison.warnings]
    return "\n".join(lines) + "\n"


def _summary_json(summary: Summary | None) -> dict[str, Any] | None:
    if summary is None:
        return None
    return {"n": summary.n, "median": summary.median, "interval": [summary.low, summary.high],
            "confidence": summary.confidence}


def to_json(comparison: Comparison, base_label: str, head_label: str) -> dict[str, Any]:
    """The comparison as one JSON-ready document."""
    rows = [{"benchmark": r.name, "unit": r.unit,
             "base": {"samples": list(r.base_samples), **(_summary_json(r.base) or {})},
             "head": {"samples": list(r.head_samples), **(_summary_json(r.head) or {})},
             "delta_pct": r.delta_pct, "u_statistic": r.u_statistic, "p_value": r.p_value,
             "p_adjusted": r.p_adjusted, "significant": r.significant}
            for r in comparison.rows]
    geomeans = [{"unit": g.unit, "base": g.base, "head": g.head, "delta_pct": g.delta_pct}
                for g in comparison.geomeans]
    return {"base": base_label, "head": head_label, "alpha": comparison.alpha,
            "holm": comparison.holm, "confidence_level": comparison.level,
            "test": "mann-whitney-u two-sided", "benchmarks": rows, "geomean": geomeans,
            "warnings": list(comparison.warnings)}
