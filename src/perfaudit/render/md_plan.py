"""Markdown sections for the prioritised action list and the implementation plan (pure)."""

from __future__ import annotations

from perfaudit.model import Action, Report, Severity
from perfaudit.render._text import cell, inline
from perfaudit.render.metrics import success_metrics
from perfaudit.render.plan import moved_up, phases

HEADINGS = {Severity.P0: "P0 — fix now", Severity.P1: "P1 — fix soon",
            Severity.P2: "P2 — when convenient"}


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
            effort = f" *Effort: {inline(action.effort)}.*" if action.effort else ""
            lines.append(f"{n}. **{inline(action.title)}** (fixes {_refs(action)}) — "
                         f"{inline(action.rationale)}{effort}")
        lines.append("")
    return lines


def implementation_plan(report: Report) -> list[str]:
    """Phases (fix-now work first, then cheap and safe before large) and success metrics."""
    if not report.actions:
        return []
    lines = ["## Implementation plan", ""]
    for name, chosen in phases(report.actions):
        items = "; ".join(f"{inline(a.title)} ({_refs(a)}"
                          + (f"; {moved_up(a)})" if moved_up(a) else ")") for a in chosen)
        lines.append(f"- **{name}:** {items}")
    lines += ["", "### Success metrics", "",
              "| Action | Metric | Before | Target | How measured |", "|---|---|---|---|---|"]
    lines += [f"| {cell(m.action)} | {cell(m.metric)} | {cell(m.before)} | {cell(m.target)} "
              f"| {cell(m.how)} |" for m in success_metrics(report)]
    return [*lines, ""]
