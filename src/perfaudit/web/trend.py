"""Audits over time: finding counts per severity and per rule, as chart series (pure).

Audits are evenly spaced on the chart, oldest first: two audits minutes apart and two a month
apart are each one step of the history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from perfaudit.model import Report, Severity
from perfaudit.store.history import AuditRow

MAX_RULES = 8
"""Rules charted one by one; the rest are summed as ``other rules``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Series:
    """One line of a chart: a count per audit."""

    name: str
    values: tuple[int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Trend:
    """A chart's audits (labels, oldest first) and its lines."""

    labels: tuple[str, ...]
    series: tuple[Series, ...]

    def as_json(self) -> dict[str, object]:
        """The chart's data as the page's script reads it."""
        return {"labels": list(self.labels),
                "series": [{"name": s.name, "values": list(s.values)} for s in self.series]}


def label(row: AuditRow) -> str:
    """An audit as an axis label: its start, to the minute."""
    return row.started[:16].replace("T", " ")


def by_severity(audits: Sequence[AuditRow]) -> Trend:
    """Findings per severity in each audit (oldest first), as ``perfaudit history`` counts."""
    return Trend(labels=tuple(map(label, audits)),
                 series=tuple(Series(name=s.value,
                                     values=tuple(row.counts.get(s.value, 0) for row in audits))
                              for s in Severity))


def by_rule(audits: Sequence[AuditRow], reports: Sequence[Report]) -> Trend:
    """Findings per rule in each audit (oldest first; ``reports`` in the same order): the
    rules with the most findings overall, and the others summed."""
    counts = [Counter(f.rule or f"category:{f.category.value}" for f in report.findings)
              for report in reports]
    total: Counter[str] = sum(counts, Counter())
    ranked = sorted(total, key=lambda rule: (-total[rule], rule))
    shown, rest = ranked[:MAX_RULES], ranked[MAX_RULES:]
    series = [Series(name=rule, values=tuple(c[rule] for c in counts)) for rule in shown]
    if rest:
        series.append(Series(name="other rules",
                             values=tuple(sum(c[r] for r in rest) for c in counts)))
    return Trend(labels=tuple(map(label, audits)), series=tuple(series))
