"""Group findings that one change fixes into prioritised actions (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from perfaudit.model import Action, ConsolidatedFinding


def _group_key(finding: ConsolidatedFinding) -> tuple[str, str, str]:
    loc = finding.location
    kind = finding.rule or f"category:{finding.category.value}"
    return (kind, loc.path, loc.function or "")


def _action(group: list[ConsolidatedFinding]) -> Action:
    lead = min(group, key=lambda f: (f.severity.rank, f.number))
    where = lead.location.function or lead.location.path
    numbers = tuple(sorted(f.number for f in group))
    refs = ", ".join(f"#{n}" for n in numbers)
    rationale = f"{lead.fix} Fixes {refs}." if lead.fix else f"Fixes {refs}."
    return Action(title=f"{lead.title} — {where}", severity=lead.severity, findings=numbers,
                  rationale=rationale, effort=lead.effort, risk=lead.risk, testing=lead.testing)


def plan_actions(findings: Sequence[ConsolidatedFinding]) -> tuple[Action, ...]:
    """Actions ordered P0, P1, P2, then by how many findings each fixes, then by number."""
    groups: dict[tuple[str, str, str], list[ConsolidatedFinding]] = {}
    for finding in findings:
        groups.setdefault(_group_key(finding), []).append(finding)
    actions = [_action(group) for group in groups.values()]
    actions.sort(key=lambda a: (a.severity.rank, -len(a.findings), a.findings[0]))
    return tuple(actions)
