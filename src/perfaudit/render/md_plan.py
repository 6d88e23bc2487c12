"""Markdown sections for the prioritised action list and the implementation plan (pure)."""

from __future__ import annotations

from perfaudit.model import Action, Report, Severity
from perfaudit.render._text import cell

HEADINGS = {Severity.P0: "P0 — fix now", Severity.P1: "P1 — fix soon",
            Severity.P2: "P2 — when convenient"}
_EFFORT_ORDER = {"S": 0, "M": 1, "L": 2}


def _refs(action: Action) -> str:
    return ", ".join(f"#{n}" for n in action.findings)


def actions(report: Report) -> list[str]:
    """Prioritised action list grouped P0, P1, P2; each action names the findings it fixes."""
    if not report.actions:
        return []
    lines = ["## Prioritised actions", ""]
    for severity in Severity:
        chosen = [a for a in report.actions if a.severity is severity]
        if not chosen:
            continue
        lines += [f"### {HEADINGS[severity]}", ""]
        for n, action in enumerate(chosen, 1):
            lines.append(f"{n}. **{action.title}** (fixes {_refs(action)}) — {action.rationale}")
        lines.append("")
    return lines


def _effort_rank(action: Action) -> int:
    return _EFFORT_ORDER.get(action.effort[:1].upper(), 1)


def implementation_plan(report: Report) -> list[str]:
    """Phases (fix-now work first, then cheap and safe before large) and success metrics."""
    if not report.actions:
        return []
    urgent = [a for a in report.actions if a.severity is Severity.P0]
    rest = sorted((a for a in report.actions if a.severity is not Severity.P0),
                  key=lambda a: (_effort_rank(a), a.severity.rank, a.findings[0]))
    quick = [a for a in rest if _effort_rank(a) == 0]
    larger = [a for a in rest if _effort_rank(a) > 0]
    lines = ["## Implementation plan", ""]
    phases = [("Phase 1 — fix now", urgent), ("Phase 2 — quick wins", quick),
              ("Phase 3 — larger changes", larger)]
    for name, chosen in phases:
        if chosen:
            items = "; ".join(f"{a.title} ({_refs(a)})" for a in chosen)
            lines += [f"- **{name}:** {items}"]
    lines += ["", "### Success metrics", "",
              "| Metric | Before | Target | How measured |", "|---|---|---|---|"]
    for action in report.actions[:10]:
        test = action.testing or "benchmark before and after"
        lines.append(f"| {cell(action.title)} | not measured | improvement shown "
                     f"| {cell(test)} |")
    return [*lines, ""]
