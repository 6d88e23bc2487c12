"""Statistics for benchmark comparison (pure): Mann-Whitney U, median intervals, Holm, geomean.

scipy (the ``stats`` extra) supplies the U test; everything else is closed-form.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from perfaudit.errors import UsageError, install_hint


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    """One side's samples: count, median and a distribution-free interval for the median."""

    n: int
    median: float
    low: float
    high: float
    confidence: float

    @property
    def spread(self) -> float:
        """Interval width relative to the median (0 when the median is 0)."""
        return (self.high - self.low) / abs(self.median) if self.median else 0.0


def median(values: Sequence[float]) -> float:
    """The sample median."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return float(ordered[mid - 1] + ordered[mid]) / 2


def _binom_half_cdf(k: int, n: int) -> float:
    if k < 0:
        return 0.0
    return sum(math.comb(n, i) for i in range(k + 1)) / (1 << n)


def _lower_rank(n: int, level: float) -> int:
    """Largest k with ``2·P(B <= k) <= 1 - level`` for B ~ Bin(n, ½); -1 when there is none."""
    tail = (1 - level) / 2
    if n > 200:  # exact sums of binomial coefficients get slow; scipy is exact enough here
        from scipy.stats import binom

        k = int(binom.ppf(tail, n, 0.5))
        while k >= 0 and float(binom.cdf(k, n, 0.5)) > tail:
            k -= 1
        return k
    k, total, coefficient = -1, 0, 1
    while k + 1 < n // 2:
        total += coefficient
        if total / (1 << n) > tail:
            break
        k += 1
        coefficient = coefficient * (n - k) // (k + 1)
    return k


def median_interval(values: Sequence[float], level: float = 0.95) -> tuple[float, float, float]:
    """Order-statistic interval ``(low, high, achieved confidence)`` for the median.

    ``[x(k+1), x(n-k)]`` covers the median with probability ``1 - 2·P(B <= k)``, B ~ Bin(n, ½);
    the largest k that still reaches ``level`` is used. With too few samples the interval is
    the whole range and the achieved confidence is below ``level``.
    """
    ordered = sorted(values)
    n = len(ordered)
    best = max(_lower_rank(n, level), 0)
    if n > 200:
        from scipy.stats import binom

        confidence = 1 - 2 * float(binom.cdf(best, n, 0.5))
    else:
        confidence = 1 - 2 * _binom_half_cdf(best, n)
    return ordered[best], ordered[n - 1 - best], confidence


def min_interval_samples(level: float = 0.95) -> int:
    """Fewest samples whose full range covers the median with probability ``level``."""
    n = 1
    while 1 - 2 * 0.5**n < level:
        n += 1
    return n


def summarize(values: Sequence[float], level: float = 0.95) -> Summary:
    """Median and its interval for one side."""
    low, high, confidence = median_interval(values, level)
    return Summary(n=len(values), median=median(values), low=low, high=high,
                   confidence=confidence)


def mann_whitney(a: Sequence[float], b: Sequence[float]) -> tuple[float, float]:
    """Two-sided Mann-Whitney U test: ``(U of a, p)``; identical constant samples give p = 1."""
    if len(set(a) | set(b)) == 1:
        return len(a) * len(b) / 2, 1.0
    try:
        from scipy.stats import mannwhitneyu
    except ImportError as exc:
        raise UsageError(f"statistics need scipy: {install_hint('stats')}") from exc
    result = mannwhitneyu(a, b, alternative="two-sided")
    return float(result.statistic), float(result.pvalue)


def min_p_value(n: int, m: int) -> float:
    """Smallest two-sided Mann-Whitney p two samples of sizes n and m can reach (no ties)."""
    if n == 0 or m == 0:
        return 1.0
    return min(1.0, 2 / math.comb(n + m, n))


def min_samples(alpha: float) -> int:
    """Fewest samples per side (equal sizes) that can give a two-sided p below ``alpha``."""
    n = 1
    while min_p_value(n, n) >= alpha:
        n += 1
    return n


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values, in the input order."""
    k = len(p_values)
    order = sorted(range(k), key=lambda i: p_values[i])
    adjusted = [1.0] * k
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (k - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted


def geomean(values: Sequence[float]) -> float:
    """Geometric mean of positive values (0 when any value is not positive or none given)."""
    if not values or any(v <= 0 for v in values):
        return 0.0
    return math.exp(sum(math.log(v) for v in values) / len(values))
