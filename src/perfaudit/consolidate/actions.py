"""Group findings that one change fixes into prioritised actions (pure).

Two findings belong to one action when they are in the same function of the same file
and share the rule (or, when a reviewer gave no rule, the category), or when their members
propose the same fix: in the same file, or anywhere when the fix is a reviewer's own words
for that finding ("cache the graders" at two call sites) rather than a rule's standard fix,
which several findings of one rule share. A generic fix ("see the tool's documentation") never
links anything. Actions are ordered P0, P1, P2, then by impact over effort, then by finding
number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from perfaudit.consolidate.unionfind import UnionFind
from perfaudit.model import Action, ConsolidatedFinding

_HOURS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:h\b|hours?)", re.I)
_SIZE_HOURS = {"S": 1.0, "M": 4.0, "L": 16.0}
DEFAULT_EFFORT_HOURS = 4.0
MIN_SHARED_FIX = 24
_FEW_SITES = 3  # one change at more call sites than this is a pattern, not one change


def effort_hours(effort: str) -> float:
    """Hours an effort text stands for: ``S``/``M``/``L`` first, else ``N h``, else a default."""
    text = effort.strip()
    if text[:1].upper() in _SIZE_HOURS and (len(text) == 1 or not text[1].isalpha()):
        return _SIZE_HOURS[text[:1].upper()]
    hours = _HOURS.search(text)
    return max(float(hours.group(1)), 0.25) if hours else DEFAULT_EFFORT_HOURS


def impact_score(finding: ConsolidatedFinding) -> float:
    """Relative impact within one severity: agreement and profile heat weigh more."""
    return (1.0 + 0.5 * (len(finding.reviewers) - 1)) * (1.0 + (finding.hotness or 0.0))


_GENERIC_FIX = re.compile(r"^(see|refer to|consult|check|read) (the )?(\S+ ){0,4}"
                          r"(documentation|docs|manual|help|rule description)\b")


def _normal_fixes(texts: Sequence[str]) -> set[str]:
    normal = {" ".join(t.lower().split()) for t in texts}
    return {t for t in normal if len(t) >= MIN_SHARED_FIX and not _GENERIC_FIX.match(t)}


def _fixes(finding: ConsolidatedFinding) -> set[str]:
    return _normal_fixes([finding.fix, *(m.fix for m in finding.members)])


def _standard_fixes(findings: Sequence[ConsolidatedFinding]) -> set[str]:
    """Fixes that say what kind of change, not that one change fixes them all: a rule's text
    for several of its findings, or a rule-less reviewer's advice repeated past a few sites
    ("compile the regex once at module level" for thirty regexes)."""
    by_rule = Counter((m.rule, fix) for f in findings for m in f.members if m.rule is not None
                      for fix in _normal_fixes([m.fix]))
    by_reviewer = Counter((m.reviewer, fix) for f in findings for m in f.members
                          if m.rule is None for fix in _normal_fixes([m.fix]))
    return ({fix for (_rule, fix), count in by_rule.items() if count > 1}
            | {fix for (_who, fix), count in by_reviewer.items() if count > _FEW_SITES})


def _groups(findings: Sequence[ConsolidatedFinding]) -> list[list[ConsolidatedFinding]]:
    """Findings one change fixes, joined through shared keys rather than by comparing every
    two findings of a file (one file can hold thousands)."""
    ordered = sorted(findings, key=lambda f: f.number)
    sets = UnionFind(len(ordered))
    for first, *others in _link_keys(ordered).values():
        for other in others:
            sets.union(first, other)
    return sets.groups(ordered)


def _link_keys(ordered: Sequence[ConsolidatedFinding]) -> dict[tuple[str, ...], list[int]]:
    """Keys whose holders one change fixes: one rule in one function; a rule-less finding with
    everything of its category in its function; one shared fix text in one file; one fix in a
    reviewer's own words anywhere."""
    keys: dict[tuple[str, ...], list[int]] = {}
    ruleless: set[tuple[str, ...]] = set()
    standard = _standard_fixes(ordered)
    for i, finding in enumerate(ordered):
        loc = finding.location
        for fix in sorted(_fixes(finding)):
            keys.setdefault(("fix", loc.path, fix), []).append(i)
            if fix not in standard:
                keys.setdefault(("own fix", fix), []).append(i)
        if loc.function is None:
            continue
        by_category = ("category", loc.path, loc.function, finding.category.value)
        keys.setdefault(by_category, []).append(i)
        if finding.rule is None:
            ruleless.add(by_category)
        else:
            keys.setdefault(("rule", loc.path, loc.function, finding.rule), []).append(i)
    return {key: members for key, members in keys.items()
            if key[0] != "category" or key in ruleless}


def _action(group: list[ConsolidatedFinding]) -> Action:
    lead = min(group, key=lambda f: (f.severity.rank, f.number))
    functions = {f.location.function for f in group}
    paths = {f.location.path for f in group}
    where = lead.location.path
    if len(paths) > 1:
        others = len(paths) - 1
        where = f"{where} and {others} other file{'s' if others > 1 else ''}"
    elif len(functions) == 1 and lead.location.function:
        where = f"{lead.location.function} in {where}"
    numbers = tuple(sorted(f.number for f in group))
    refs = ", ".join(f"#{n}" for n in numbers)
    rationale = f"{lead.fix} Fixes {refs}." if lead.fix else f"Fixes {refs}."
    return Action(title=f"{lead.title} — {where}", severity=lead.severity, findings=numbers,
                  rationale=rationale, effort=lead.effort, risk=lead.risk, testing=lead.testing)


def _priority(action: Action, group: list[ConsolidatedFinding]) -> tuple[int, float, int]:
    value = sum(impact_score(f) for f in group) / effort_hours(action.effort)
    return action.severity.rank, -round(value, 9), action.findings[0]


def plan_actions(findings: Sequence[ConsolidatedFinding]) -> tuple[Action, ...]:
    """Actions ordered P0, P1, P2, then by impact over effort, then by first finding number."""
    planned = [(_action(group), group) for group in _groups(findings)]
    planned.sort(key=lambda pair: _priority(*pair))
    return tuple(action for action, _group in planned)
