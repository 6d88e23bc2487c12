"""Compare two sets of benchmark samples like benchstat (pure): rows, geomeans and warnings."""

from __future__ import annotations

from dataclasses import dataclass, replace

from perfaudit.verify import stats
from perfaudit.verify.parse import Samples

NOISE_SPREAD = 0.10
"""Interval width / median above which a side is called noisy."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One benchmark in one unit: both sides summarised, the change, and the test result."""

    name: str
    unit: str
    base: stats.Summary | None
    head: stats.Summary | None
    base_samples: tuple[float, ...] = ()
    head_samples: tuple[float, ...] = ()
    delta_pct: float | None = None
    u_statistic: float | None = None
    p_value: float | None = None
    p_adjusted: float | None = None
    significant: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Geomean:
    """Geometric mean of the medians of every benchmark measured in one unit on both sides."""

    unit: str
    base: float
    head: float
    delta_pct: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    """A whole comparison: rows in input order, geomean per unit, and warnings to show."""

    rows: tuple[Row, ...]
    geomeans: tuple[Geomean, ...]
    warnings: tuple[str, ...]
    alpha: float
    holm: bool
    level: float


def _delta(before: float, after: float) -> float | None:
    return (after - before) / before * 100 if before else None


def _row(name: str, unit: str, base: list[float], head: list[float], level: float) -> Row:
    if not base or not head:
        return Row(name=name, unit=unit, base=stats.summarize(base, level) if base else None,
                   head=stats.summarize(head, level) if head else None,
                   base_samples=tuple(base), head_samples=tuple(head))
    u, p = stats.mann_whitney(base, head)
    b, h = stats.summarize(base, level), stats.summarize(head, level)
    return Row(name=name, unit=unit, base=b, head=h, base_samples=tuple(base),
               head_samples=tuple(head), delta_pct=_delta(b.median, h.median),
               u_statistic=u, p_value=p)


def _adjust(rows: list[Row], alpha: float, use_holm: bool) -> list[Row]:
    out = list(rows)
    for unit in dict.fromkeys(r.unit for r in rows):
        index = [i for i, r in enumerate(rows) if r.unit == unit and r.p_value is not None]
        raw = [rows[i].p_value or 0.0 for i in index]
        adjusted = stats.holm(raw) if use_holm else raw
        for i, p in zip(index, adjusted, strict=True):
            out[i] = replace(rows[i], p_adjusted=p, significant=p < alpha)
    return out


def _geomeans(rows: list[Row]) -> list[Geomean]:
    result = []
    for unit in dict.fromkeys(r.unit for r in rows):
        pairs = [(r.base.median, r.head.median) for r in rows
                 if r.unit == unit and r.base and r.head and r.base.median > 0 and r.head.median > 0]
        if len(pairs) < 2:
            continue
        before, after = stats.geomean([p[0] for p in pairs]), stats.geomean([p[1] for p in pairs])
        result.append(Geomean(unit=unit, base=before, head=after, delta_pct=_delta(before, after)))
    return result


def _listed(rows: list[Row], most: int = 5) -> str:
    """The rows' benchmark names, the first ``most`` of them, then an ellipsis."""
    names = list(dict.fromkeys(r.name for r in rows))
    return ", ".join(names[:most]) + (", …" if len(names) > most else "")


def _warnings(rows: list[Row], alpha: float, use_holm: bool, level: float) -> list[str]:
    notes = []
    tested = [r for r in rows if r.base and r.head]
    varied = [r for r in tested if len({*r.base_samples, *r.head_samples}) > 1]
    family = max((sum(1 for r in tested if r.unit == u) for u in {r.unit for r in tested}),
                 default=1)
    threshold = alpha / family if use_holm else alpha
    short = [r for r in varied if stats.min_p_value(len(r.base_samples), len(r.head_samples))
             >= threshold]
    if short:
        need = stats.min_samples(threshold)
        extra = f" (Holm over {family} benchmarks needs p < {threshold:.3g})" if use_holm \
            and family > 1 else ""
        which = "any comparison" if len(short) == len(varied) else _listed(short)
        notes.append(f"too few samples for {which} to reach significance at α={alpha:g}{extra}; "
                     f"need at least {need} per side (use --count {need})")
    need_ci = stats.min_interval_samples(level)
    if any(s.n < need_ci for r in tested for s in (r.base, r.head) if s):
        notes.append(f"fewer than {need_ci} samples on a side: its interval is the full range, "
                     f"below {level:.0%} confidence")
    for r in tested:
        for side, s in (("base", r.base), ("head", r.head)):
            if s and s.spread > NOISE_SPREAD:
                notes.append(f"noisy: {r.name} {r.unit} at {side}: the interval spans "
                             f"{s.spread * 100:.0f}% of the median; "
                             "results may not be reliable")
    missing = [r.name for r in rows if not (r.base and r.head)]
    if missing:
        notes.append(f"only on one side: {', '.join(dict.fromkeys(missing))}")
    return notes


def compare(base: Samples, head: Samples, *, alpha: float = 0.05, use_holm: bool = True,
            level: float = 0.95) -> Comparison:
    """Compare ``base`` with ``head`` benchmark by benchmark and unit."""
    keys = list(dict.fromkeys([*base, *head]))
    rows = [_row(name, unit, base.get((name, unit), []), head.get((name, unit), []), level)
            for name, unit in keys]
    rows = _adjust(rows, alpha, use_holm)
    return Comparison(rows=tuple(rows), geomeans=tuple(_geomeans(rows)),
                      warnings=tuple(_warnings(rows, alpha, use_holm, level)), alpha=alpha,
                      holm=use_holm, level=level)
