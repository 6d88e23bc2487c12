"""Resolve one severity from the votes of several reviewers, with a stated reason (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from enum import StrEnum

from perfaudit.model import Finding, Severity, SeverityVote


class Policy(StrEnum):
    """How disagreeing severities are resolved."""

    MAX = "max"
    MAJORITY = "majority"
    EVIDENCE = "evidence"


def votes_of(members: Sequence[Finding]) -> tuple[SeverityVote, ...]:
    """Each reviewer's severity, in reviewer order."""
    ordered = sorted(members, key=lambda f: f.reviewer)
    return tuple(SeverityVote(reviewer=f.reviewer, severity=f.severity) for f in ordered)


def _majority(severities: list[Severity]) -> Severity:
    counts = Counter(severities)
    return min(counts, key=lambda s: (-counts[s], s.rank))


def resolve_severity(members: Sequence[Finding], policy: Policy) -> tuple[Severity, str]:
    """The resolved severity and, when votes differ or context moved it, the reason."""
    severities = [f.severity for f in members]
    contextual = [f for f in members if f.severity_reason]
    if len(set(severities)) == 1:
        reason = contextual[0].severity_reason if contextual else ""
        return severities[0], reason
    if policy is Policy.MAX:
        chosen = min(severities, key=lambda s: s.rank)
        return chosen, f"most urgent of {len(severities)} votes (policy: max)"
    if policy is Policy.EVIDENCE and contextual:
        lead = min(contextual, key=lambda f: f.severity.rank)
        return lead.severity, f"{lead.severity_reason} (evidence from {lead.reviewer})"
    chosen = _majority(severities)
    agreeing = severities.count(chosen)
    return chosen, f"{agreeing} of {len(severities)} reviewers (policy: majority, ties go up)"
