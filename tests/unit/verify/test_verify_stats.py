"""Statistics against hand-computed values."""

from __future__ import annotations

import math
import random

import pytest

from perfaudit.verify import stats
from perfaudit.verify.compare import compare


def test_mann_whitney_u_and_exact_p_for_small_samples() -> None:
    # Every a below every b: U_a = 0; exact two-sided p = 2 / C(8, 4) = 2/70.
    u, p = stats.mann_whitney([1, 2, 3, 4], [5, 6, 7, 8])
    assert u == 0 and p == pytest.approx(2 / 70)
    # 3+3 can never go below 2 / C(6, 3) = 0.1.
    assert stats.mann_whitney([1, 2, 3], [4, 5, 6])[1] == pytest.approx(0.1)
    # a = [1, 4], b = [2, 3]: pairs (a > b): 4>2, 4>3 → U = 2, the centre: p = 1.
    assert stats.mann_whitney([1, 4], [2, 3]) == (2.0, 1.0)
    # U = 1 for 3+3 ({1,2,4} vs {3,5,6}): P(U <= 1) = 2/20, two-sided 0.2.
    u, p = stats.mann_whitney([1, 2, 4], [3, 5, 6])
    assert u == 1 and p == pytest.approx(0.2)


def test_identical_constant_samples_are_not_different() -> None:
    assert stats.mann_whitney([0, 0, 0], [0, 0, 0])[1] == 1.0


@pytest.mark.parametrize(("alpha", "need"), [(0.05, 4), (0.01, 5), (0.05 / 20, 6), (0.2, 3)])
def test_fewest_samples_that_can_be_significant(alpha: float, need: int) -> None:
    # 2/C(2n, n): n=3 → 0.1, n=4 → 0.0286, n=5 → 0.0079, n=6 → 0.00216.
    assert stats.min_samples(alpha) == need


def test_min_p_value() -> None:
    assert stats.min_p_value(4, 4) == pytest.approx(2 / 70)
    assert stats.min_p_value(5, 3) == pytest.approx(2 / 56)
    assert stats.min_p_value(0, 5) == 1.0


def test_median_interval_from_order_statistics() -> None:
    # n = 10: [x(2), x(9)] covers with 1 - 2·P(B <= 1) = 1 - 2·11/1024 = 0.978515625.
    low, high, confidence = stats.median_interval(list(range(1, 11)))
    assert (low, high) == (2, 9)
    assert confidence == pytest.approx(1 - 22 / 1024)
    # n = 5 cannot reach 95 %: the whole range, at 1 - 2/32.
    assert stats.median_interval([5, 1, 4, 2, 3]) == (1, 5, pytest.approx(0.9375))
    assert stats.min_interval_samples(0.95) == 6


def test_median_holm_and_geomean() -> None:
    assert stats.median([3, 1, 2]) == 2
    assert stats.median([4, 1, 3, 2]) == 2.5
    assert stats.holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])
    assert stats.holm([0.5, 0.001]) == pytest.approx([0.5, 0.002])
    assert stats.geomean([1, 100]) == pytest.approx(10)
    assert stats.geomean([2, 8, 4]) == pytest.approx(4)
    assert stats.geomean([0, 3]) == 0.0


def test_twenty_null_benchmarks_with_holm_report_no_change() -> None:
    rng = random.Random(20261123)
    base = {(f"B{i}", "sec/op"): [rng.lognormvariate(0, 0.05) for _ in range(10)]
            for i in range(20)}
    head = {(f"B{i}", "sec/op"): [rng.lognormvariate(0, 0.05) for _ in range(10)]
            for i in range(20)}
    corrected = compare(base, head)
    assert not any(row.significant for row in corrected.rows)
    assert all(row.p_adjusted is not None and row.p_adjusted >= row.p_value  # type: ignore[operator]
               for row in corrected.rows)
    assert math.isclose(corrected.geomeans[0].delta_pct or 0.0, 0.0, abs_tol=5)


def test_a_real_change_survives_holm() -> None:
    base = {(f"B{i}", "sec/op"): [1.0 + 0.01 * k for k in range(8)] for i in range(5)}
    head = {**{(f"B{i}", "sec/op"): [1.0 + 0.01 * k for k in range(8)] for i in range(4)},
            ("B4", "sec/op"): [0.5 + 0.01 * k for k in range(8)]}
    result = compare(base, head)
    assert [r.name for r in result.rows if r.significant] == ["B4"]
    b4 = result.rows[-1]
    assert b4.delta_pct == pytest.approx((0.535 - 1.035) / 1.035 * 100)
    assert b4.p_value == pytest.approx(2 / math.comb(16, 8))
    assert b4.p_adjusted == pytest.approx(5 * 2 / math.comb(16, 8))


def test_warnings_for_too_few_samples_and_noise() -> None:
    result = compare({("A", "sec/op"): [1.0, 1.1, 1.2]}, {("A", "sec/op"): [2.0, 2.1, 2.2]})
    assert not result.rows[0].significant
    assert any("need at least 4 per side" in w for w in result.warnings)
    noisy = compare({("A", "sec/op"): [1, 2, 3, 4, 5, 6]}, {("A", "sec/op"): [1, 2, 3, 4, 5, 6]})
    assert any(w.startswith("noisy: A sec/op at base") for w in noisy.warnings)
    holm_off = compare({("A", "sec/op"): [1.0, 1.1, 1.2, 1.3]},
                       {("A", "sec/op"): [2.0, 2.1, 2.2, 2.3]}, use_holm=False)
    assert holm_off.rows[0].significant
    assert not any("too few" in w for w in holm_off.warnings)


def test_large_samples_use_the_normal_binomial_quickly() -> None:
    low, high, confidence = stats.median_interval(list(range(100_000)))
    assert (low, high) == (49689, 50310)
    assert confidence == pytest.approx(0.95, abs=0.001)
    # n = 50: the textbook ranks 18 and 33 (1-based).
    assert stats.median_interval(list(range(50)))[:2] == (17, 32)


def test_rounds_are_interleaved() -> None:
    from perfaudit.verify.plan import schedule

    assert schedule(3) == ["base", "head"] * 3
