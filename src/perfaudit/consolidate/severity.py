"""Resolve one severity from the votes of several reviewers, with a stated reason (pure).

Policies:

- ``max`` — the most urgent vote.
- ``majority`` — the most common vote; a tie goes to the more urgent one.
- ``evidence`` (default) — the majority (votes two levels apart with no majority: P1), moved
  by what is known about the code's context:
  measured heat in a profile raises it one level; a multiplicative context (nested loops,
  a per-request path, quadratic work) takes the most urgent vote; start-up or short-lived
  code takes the least urgent vote, or one level lower when every reviewer agreed without
  noticing. Each move states its reason.

Under every policy a correctness finding is never P0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from enum import StrEnum

from perfaudit.consolidate.context import Context, context_of
from perfaudit.model import Category, Finding, Severity, SeverityVote


class Policy(StrEnum):
    """How disagreeing severities are resolved."""

    MAX = "max"
    MAJORITY = "majority"
    EVIDENCE = "evidence"


def votes_of(members: Sequence[Finding]) -> tuple[SeverityVote, ...]:
    """Each reviewer's severity, in reviewer order."""
    ordered = sorted(members, key=lambda f: (f.reviewer, f.severity.rank))
    return tuple(SeverityVote(reviewer=f.reviewer, severity=f.severity) for f in ordered)


def _majority(severities: Sequence[Severity]) -> Severity:
    counts = Counter(severities)
    return min(counts, key=lambda s: (-counts[s], s.rank))


def _most_urgent(severities: Sequence[Severity]) -> Severity:
    return min(severities, key=lambda s: s.rank)


def _least_urgent(severities: Sequence[Severity]) -> Severity:
    return max(severities, key=lambda s: s.rank)


def _plain(severities: list[Severity], policy: Policy) -> tuple[Severity, str]:
    if len(set(severities)) == 1:
        return severities[0], ""
    if policy is Policy.MAX:
        return _most_urgent(severities), f"most urgent of {len(severities)} votes (policy: max)"
    counts = Counter(severities)
    if policy is Policy.EVIDENCE and len(set(counts.values())) == 1 and {
            Severity.P0, Severity.P2} <= counts.keys():
        return _middle(severities)
    chosen = _majority(severities)
    return chosen, (f"{severities.count(chosen)} of {len(severities)} votes "
                    f"(policy: {policy.value}, ties go up)")


def _middle(severities: list[Severity]) -> tuple[Severity, str]:
    """Votes two levels apart with no majority (P0, P1, P2; or P0 against P2): neither end has
    more support, so the middle, P1; a context found later may still move it."""
    votes = ", ".join(s.value for s in sorted(severities, key=lambda s: s.rank))
    return Severity.P1, (f"the votes ({votes}) are two levels apart with no majority, and "
                         "nothing in the code's context favours either end: the middle, P1 "
                         "(policy: evidence)")


def _by_evidence(severities: list[Severity], ctx: Context) -> tuple[Severity, str] | None:
    if ctx.hot:
        base = _majority(severities)
        return base.raised(), ctx.hot
    if ctx.multiplies:
        return _most_urgent(severities), ctx.multiplies
    if ctx.short_lived:
        least = _least_urgent(severities)
        if len(set(severities)) == 1 and not ctx.already_lowered:
            return least.lowered(), ctx.short_lived
        return least, ctx.short_lived
    if ctx.cold and len(set(severities)) > 1:
        return _least_urgent(severities), ctx.cold
    return None


def _first_reason(members: Sequence[Finding]) -> str:
    reasons = sorted({f.severity_reason for f in members if f.severity_reason})
    return reasons[0] if reasons else ""


def resolve_severity(members: Sequence[Finding], policy: Policy,
                     category: Category | None = None) -> tuple[Severity, str]:
    """The resolved severity and the reason, when votes differ or context moved it.

    ``category`` is the consolidated finding's category (default: the first member's).
    """
    severities = [f.severity for f in members]
    chosen, reason = _plain(severities, policy)
    if policy is Policy.EVIDENCE:
        moved = _by_evidence(severities, context_of(members))
        # a context only needs saying when votes differ or it moved the severity
        if moved is not None and (len(set(severities)) > 1 or moved[0] is not chosen):
            chosen, reason = moved
    if not reason and len(set(severities)) == 1:
        reason = _first_reason(members)
    category = category or (members[0].category if members else None)
    if chosen is Severity.P0 and category is Category.CORRECTNESS:
        return Severity.P1, "correctness findings are never ranked P0"
    return chosen, reason
