"""Match findings across reviewers into clusters that describe one problem (pure).

Two findings from different reviewers match when they are in the same file and either
their line ranges overlap (with ``LINE_SLACK`` lines of slack) or they quote the same
construct (one's code contains the other's). Sharing a function and a category is not
enough: two rules' findings in one long function are two problems (this departs from DESIGN
§5, which merged them). A cluster never holds two findings of one reviewer. Matches are
clustered (union-find), best-fitting pairs first: same rule, then same category, then the
most similar title (difflib), then the nearest lines, so when a finding could join several
clusters the closest one wins.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from difflib import SequenceMatcher

from perfaudit.consolidate.unionfind import UnionFind
from perfaudit.fingerprint import QUOTE_MIN, normalise_snippet
from perfaudit.model import Finding

LINE_SLACK = 3
_NEAR_LINES = 30  # a quote of a loop and of a call in it are this close at most, outside a function
_PAIRWISE = 200  # findings of one file compared two by two for quotes; past that, equal only


def lines_overlap(a: Finding, b: Finding, slack: int = LINE_SLACK) -> bool:
    """Whether the two line ranges overlap once widened by ``slack`` lines."""
    la, lb = a.location, b.location
    return la.start_line - slack <= lb.end_line and lb.start_line - slack <= la.end_line


def same_construct(a: Finding, b: Finding) -> bool:
    """Whether one finding's quoted code contains the other's (a reviewer quoting the whole
    loop, another the call inside it) in one function, or near each other; quotes too short
    to tell constructs apart never do, and the same text far apart is two places."""
    left, right = _quote(a), _quote(b)
    if len(left) < QUOTE_MIN or len(right) < QUOTE_MIN or not (left in right or right in left):
        return False
    fa, fb = a.location.function, b.location.function
    near = abs(a.location.start_line - b.location.start_line) <= _NEAR_LINES
    return (bool(fa) and fa == fb) or near


def same_problem(a: Finding, b: Finding) -> bool:
    """Whether two findings from different reviewers may describe the same problem."""
    if a.reviewer == b.reviewer or a.location.path != b.location.path:
        return False
    return lines_overlap(a, b) or same_construct(a, b)


def _quote(finding: Finding) -> str:
    return normalise_snippet(finding.location.snippet)


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


def affinity(a: Finding, b: Finding) -> tuple[int, int, float, int]:
    """How well two matching findings fit together: larger is better."""
    same_rule = int(a.rule is not None and a.rule == b.rule)
    same_category = int(a.category == b.category)
    similarity = round(title_similarity(a.title, b.title), 6)
    return same_rule, same_category, similarity, -abs(a.location.start_line - b.location.start_line)


def _candidate_pairs(ordered: list[Finding]) -> list[tuple[int, int]]:
    """Matching pairs (indices into ``ordered``), best fit first, ties in a fixed order.

    Pairs are found per file, through a sweep over line ranges and a comparison of quotes
    (bounded: one file can hold thousands of findings).
    """
    by_path: dict[str, list[int]] = {}
    for index, finding in enumerate(ordered):
        by_path.setdefault(finding.location.path, []).append(index)
    pairs: set[tuple[int, int]] = set()
    for indices in by_path.values():
        if len({ordered[i].reviewer for i in indices}) > 1:
            pairs |= _same_construct_pairs(ordered, indices) | _overlapping_pairs(ordered, indices)
    scored = [(affinity(ordered[i], ordered[j]), i, j) for i, j in pairs]
    scored.sort(key=lambda item: (tuple(-x for x in item[0]), item[1], item[2]))
    return [(i, j) for _score, i, j in scored]


def _same_construct_pairs(ordered: list[Finding], indices: list[int]) -> set[tuple[int, int]]:
    """Pairs of one file whose quotes contain one another (only equal quotes when the file
    has too many findings to compare two by two)."""
    quoted = [i for i in indices if len(_quote(ordered[i])) >= QUOTE_MIN]
    if len(quoted) > _PAIRWISE:
        buckets: dict[str, list[int]] = {}
        for i in quoted:
            buckets.setdefault(_quote(ordered[i]), []).append(i)
        candidates = [(a, b) for bucket in buckets.values() for n, a in enumerate(bucket)
                      for b in bucket[n + 1:]]
    else:
        candidates = [(a, b) for n, a in enumerate(quoted) for b in quoted[n + 1:]]
    return {(min(a, b), max(a, b)) for a, b in candidates
            if ordered[a].reviewer != ordered[b].reviewer
            and same_construct(ordered[a], ordered[b])}


def _overlapping_pairs(ordered: list[Finding], indices: list[int]) -> set[tuple[int, int]]:
    """Pairs of one file whose line ranges overlap once widened by ``LINE_SLACK`` lines."""
    by_start = sorted(indices, key=lambda i: ordered[i].location.start_line)
    active: list[tuple[int, int]] = []  # (end line, index), a heap of ranges still open
    pairs: set[tuple[int, int]] = set()
    for j in by_start:
        start = ordered[j].location.start_line
        while active and active[0][0] + LINE_SLACK < start:
            heapq.heappop(active)
        pairs.update((min(i, j), max(i, j)) for _end, i in active
                     if ordered[i].reviewer != ordered[j].reviewer)
        heapq.heappush(active, (ordered[j].location.end_line, j))
    return pairs


def cluster(findings: Sequence[Finding]) -> list[list[Finding]]:
    """Group findings into clusters, each with at most one finding per reviewer.

    Matching pairs are joined best fit first (same rule, same category, similar title,
    near lines), skipping a join that would put two findings of one reviewer together.
    Every input finding lands in exactly one cluster (duplicates included). Findings are
    put in ``sort_key`` order first, so the result does not depend on the input order, and
    clustering the members of the result again gives the same clusters.
    """
    ordered = sorted(findings, key=sort_key)
    sets = UnionFind(len(ordered))
    reviewers = [{f.reviewer} for f in ordered]
    for i, j in _candidate_pairs(ordered):
        ri, rj = sets.find(i), sets.find(j)
        if ri == rj or reviewers[ri] & reviewers[rj]:
            continue
        reviewers[sets.union(ri, rj)] = reviewers[ri] | reviewers[rj]
    return sets.groups(ordered)
