"""Match findings across reviewers into clusters that describe one problem (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from perfaudit.model import Finding

LINE_SLACK = 3


def same_problem(a: Finding, b: Finding) -> bool:
    """Whether two findings from different reviewers describe the same problem."""
    la, lb = a.location, b.location
    if la.path != lb.path:
        return False
    related = a.category == b.category or (a.rule is not None and a.rule == b.rule)
    overlap = la.start_line - LINE_SLACK <= lb.end_line and lb.start_line - LINE_SLACK <= la.end_line
    same_function = la.function is not None and la.function == lb.function
    return related and (overlap or same_function)


def sort_key(finding: Finding) -> tuple[str, int, int, str, str, str]:
    """Explicit ordering key for findings: path, lines, reviewer, rule, title."""
    loc = finding.location
    return (loc.path, loc.start_line, loc.end_line, finding.reviewer, finding.rule or "",
            finding.title)


def cluster(findings: Sequence[Finding]) -> list[list[Finding]]:
    """Group findings so each cluster holds at most one finding per reviewer.

    Findings are visited in a fixed order, so the result does not depend on input order.
    """
    clusters: list[list[Finding]] = []
    by_path: dict[str, list[list[Finding]]] = {}
    for finding in sorted(set(findings), key=sort_key):
        candidates = by_path.setdefault(finding.location.path, [])
        home = next((group for group in candidates
                     if all(m.reviewer != finding.reviewer for m in group)
                     and any(same_problem(m, finding) for m in group)), None)
        if home is None:
            home = []
            candidates.append(home)
            clusters.append(home)
        home.append(finding)
    return clusters
