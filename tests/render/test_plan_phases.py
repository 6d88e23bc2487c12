"""The implementation plan's phases: fix-now work, with P1 fixes small and safe enough to move up."""

from __future__ import annotations

from perfaudit.model import Action, Severity
from perfaudit.render.plan import moved_up, phases


def _action(severity: Severity, effort: str, risk: str, first: int) -> Action:
    return Action(title=f"a{first}", severity=severity, findings=(first,), rationale="r",
                  effort=effort, risk=risk)


def test_a_small_low_risk_p1_fix_moves_into_the_first_phase_with_its_reason() -> None:
    urgent = _action(Severity.P0, "L", "high", 1)
    cheap = _action(Severity.P1, "S (under 1 hour)", "low: one line", 2)
    risky = _action(Severity.P1, "S", "medium", 3)
    minor = _action(Severity.P2, "S", "low", 4)
    named = dict(phases((urgent, cheap, risky, minor)))
    assert named["Phase 1 — fix now"] == [urgent, cheap]
    assert moved_up(cheap) == "moved up: a P1 fix that is small and low-risk"
    assert named["Phase 2 — quick wins"] == [minor, risky]  # lower risk first
    assert not moved_up(risky) and not moved_up(minor)
