"""Match findings across reviewers into clusters that describe one problem (pure).

Two findings from different reviewers match when they are in the same file and either
their line ranges overlap (with ``LINE_SLACK`` lines of slack) or they share the
enclosing function and the category (DESIGN §5). A cluster never holds two findings of
one reviewer. When a finding could join several clusters, the best one wins: same rule,
then same category, then the most similar title (difflib), then the nearest lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from perfaudit.model import Finding

LINE_SLACK = 3


def lines_overlap(a: Finding, b: Finding, slack: int = LINE_SLACK) -> bool:
    """Whether the two line ranges overlap once widened by ``slack`` lines."""
    la, lb = a.location, b.location
    return la.start_line - slack <= lb.end_line and lb.start_line - slack <= la.end_line


def same_problem(a: Finding, b: Finding) -> bool:
    """Whether two findings from different reviewers may describe the same problem."""
    if a.reviewer == b.reviewer or a.location.path != b.location.path:
        return False
    if lines_overlap(a, b):
        return True
    fa, fb = a.location.function, b.location.function
    return fa is not None and fa == fb and a.category == b.category


def title_similarity(a: str, b: str) -> float:
    """Similarity of two titles in [0, 1], ignoring case and spacing."""
    left, right = " ".join(a.lower().split()), " ".join(b.lower().split())
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def sort_key(finding: Finding) -> tuple[object, ...]:
    """A total ordering key for findings, so clustering never depends on input order."""
    loc = finding.location
    return (loc.path, loc.start_line, loc.end_line, finding.reviewer, finding.rule or "",
            finding.category.value, finding.severity.rank, finding.title, loc.function or "",
            finding.problem, finding.fix, loc.snippet, finding.confidence, repr(finding))


def _affinity(group: list[Finding], finding: Finding) -> tuple[int, int, float, int]:
    """How well ``finding`` fits ``group``: larger is better."""
    same_rule = int(finding.rule is not None and any(m.rule == finding.rule for m in group))
    same_category = int(any(m.category == finding.category for m in group))
    similarity = max(title_similarity(m.title, finding.title) for m in group)
    distance = min(abs(m.location.start_line - finding.location.start_line) for m in group)
    return same_rule, same_category, round(similarity, 6), -distance


def _home(candidates: list[list[Finding]], finding: Finding) -> list[Finding] | None:
    qualified = [group for group in candidates
                 if all(m.reviewer != finding.reviewer for m in group)
                 and any(same_problem(m, finding) for m in group)]
    if not qualified:
        return None
    # max() keeps the first of equals, and candidates are in a fixed order
    return max(qualified, key=lambda group: _affinity(group, finding))


def cluster(findings: Sequence[Finding]) -> list[list[Finding]]:
    """Group findings into clusters, each with at most one finding per reviewer.

    Every input finding lands in exactly one cluster (duplicates included). Findings are
    visited in ``sort_key`` order, so the result does not depend on the input order, and
    clustering the members of the result again gives the same clusters.
    """
    clusters: list[list[Finding]] = []
    by_path: dict[str, list[list[Finding]]] = {}
    for finding in sorted(findings, key=sort_key):
        candidates = by_path.setdefault(finding.location.path, [])
        home = _home(candidates, finding)
        if home is None:
            home = []
            candidates.append(home)
            clusters.append(home)
        home.append(finding)
    return clusters
