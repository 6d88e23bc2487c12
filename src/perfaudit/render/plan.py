"""The implementation plan: actions in phases, fix-now work first (with the P1 fixes small and
safe enough to do at once), then by effort and risk (pure)."""

from __future__ import annotations

from perfaudit.model import Action, Severity

_EFFORT_ORDER = {"S": 0, "M": 1, "L": 2}
_RISK_ORDER = {"low": 0, "medium": 1, "high": 2}


def effort_rank(action: Action) -> int:
    """0 small, 1 medium (also unknown), 2 large."""
    return _EFFORT_ORDER.get(action.effort[:1].upper(), 1)


def risk_rank(action: Action) -> int:
    """0 low, 1 medium (also unknown), 2 high, from the risk text's first word."""
    words = action.risk.split(maxsplit=1)
    first = words[0].strip(";,.:").lower() if words else ""
    return _RISK_ORDER.get(first, 1)


def moved_up(action: Action) -> str:
    """Why a P1 action joins the fix-now phase ("" when it does not): a small change whose
    risk is low costs less to do now than to schedule."""
    if action.severity is Severity.P1 and effort_rank(action) == 0 and risk_rank(action) == 0:
        return "moved up: a P1 fix that is small and low-risk"
    return ""


def phases(actions: tuple[Action, ...]) -> list[tuple[str, list[Action]]]:
    """Named phases with their actions; empty phases are left out."""
    urgent = [a for a in actions if a.severity is Severity.P0]
    rest = sorted((a for a in actions if a.severity is not Severity.P0),
                  key=lambda a: (effort_rank(a), risk_rank(a), a.severity.rank, a.findings[0]))
    urgent += [a for a in rest if moved_up(a)]
    rest = [a for a in rest if not moved_up(a)]
    quick = [a for a in rest if effort_rank(a) == 0 and risk_rank(a) < 2]
    larger = [a for a in rest if a not in quick]
    named = [("Phase 1 — fix now", urgent), ("Phase 2 — quick wins", quick),
             ("Phase 3 — larger changes", larger)]
    return [(name, chosen) for name, chosen in named if chosen]
