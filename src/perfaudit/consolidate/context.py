"""What a cluster of findings says about the context of its code, for the evidence policy (pure).

Signals come from the reviewers themselves: the rules engine's contextual severity reason,
profile evidence attached to a finding, the enclosing function's name, and plain-language
cues in the title, problem and impact that reviewers write.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from perfaudit.model import Category, Finding

HOT_SHARE = 10.0  # percent of samples, as the profile re-ranking counts a function hot
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_STARTUP_FUNCTIONS = frozenset({"main", "init", "TestMain"})
_MULTIPLY_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"nested loops?|inner loop|loop within a loop", re.I),
     "compounds with nested loops"),
    (re.compile(r"per[- ]request|every request|each request|request path|ServeHTTP", re.I),
     "compounds with request volume (per-request path)"),
    (re.compile(r"O\(n\s*(\^\s*2|²|\*\s*m|\s*\*\s*n)\)|quadratic", re.I),
     "quadratic in input size"),
    (re.compile(r"\b(per|every|each) run\b|run count", re.I), "compounds with run count"),
)
_SHORT_LIVED = re.compile(
    r"short[- ]lived|runs once|(once|only) at start-?up|one-shot|one-off", re.I)
_COLD = re.compile(r"not observed in (the )?profile|cold in profile", re.I)


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """Reasons found for moving a severity (empty string: no such signal)."""

    hot: str = ""
    cold: str = ""
    multiplies: str = ""
    short_lived: str = ""
    already_lowered: bool = False


def _profile_heat(members: Sequence[Finding]) -> tuple[str, str]:
    hot, cold = "", ""
    for evidence in (e for f in members for e in f.evidence if e.kind.startswith("profile")):
        text = f"{evidence.summary} {evidence.detail}"
        if _COLD.search(text):
            cold = cold or "not observed in profile — likely low impact"
            continue
        share = _PERCENT.search(evidence.summary)
        if share and float(share.group(1)) >= HOT_SHARE:
            hot = hot or f"hot in profile: {share.group(1)}% of samples"
    return hot, cold


def _text(finding: Finding) -> str:
    return " ".join((finding.title, finding.problem, finding.impact, finding.severity_reason))


def _multiplies(members: Sequence[Finding]) -> str:
    for finding in sorted(members, key=lambda f: f.reviewer):
        reason = finding.severity_reason
        if reason and ("loop" in reason or "request" in reason):
            return reason
    for pattern, reason in _MULTIPLY_CUES:
        if any(pattern.search(_text(f)) for f in members):
            return reason
    return ""


def _short_lived(members: Sequence[Finding]) -> tuple[str, bool]:
    lowered = any("start-up" in f.severity_reason for f in members)
    startup_function = any((f.location.function or "").rsplit(".", 1)[-1] in _STARTUP_FUNCTIONS
                           for f in members)
    if not (lowered or startup_function or any(_SHORT_LIVED.search(_text(f)) for f in members)):
        return "", False
    leak = any(f.category is Category.LEAK for f in members)
    reason = "leak, but the process is short-lived" if leak else "runs once at start-up"
    return reason, lowered


def context_of(members: Sequence[Finding]) -> Context:
    """The context signals of one cluster of findings."""
    hot, cold = _profile_heat(members)
    short, lowered = _short_lived(members)
    return Context(hot=hot, cold=cold, multiplies=_multiplies(members), short_lived=short,
                   already_lowered=lowered)
