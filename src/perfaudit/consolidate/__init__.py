"""Consolidation: match, count agreement, resolve severity, number and plan (pure functions)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from perfaudit.consolidate.actions import plan_actions
from perfaudit.consolidate.cluster import cluster, sort_key
from perfaudit.consolidate.severity import Policy, resolve_severity, votes_of
from perfaudit.fingerprint import assign_fingerprints
from perfaudit.model import Agreement, ConsolidatedFinding, Finding, Severity, Tier

__all__ = ["Policy", "agreement_of", "consolidate", "plan_actions"]


def agreement_of(found_by: int, saw_file: int) -> Agreement:
    """Agreement counted over the reviewers that actually reviewed the file.

    ``all`` needs at least two reviewers; several but not all is ``majority``.
    """
    if found_by <= 1:
        return Agreement.SINGLE
    return Agreement.ALL if found_by >= saw_file else Agreement.MAJORITY


def _richness(finding: Finding) -> int:
    return sum(1 for text in (finding.impact, finding.effort, finding.risk, finding.testing) if text)


def _representative(members: list[Finding]) -> Finding:
    """The member whose text the report shows: a rule's finding, the most urgent, the fullest."""
    return min(members, key=lambda f: (f.rule is None, f.severity.rank, -_richness(f),
                                       sort_key(f)))


def _without_heat(severity: Severity, reason: str, tier: Tier) -> tuple[Severity, str]:
    """P0 and P1 need evidence that the code runs often: a lead or cold match is P2."""
    if tier is Tier.FINDING or severity is Severity.P2:
        return severity, reason
    return Severity.P2, "P2: no evidence that this code runs often (P0/P1 need heat evidence)"


def consolidate(
    findings: Sequence[Finding],
    coverage: Mapping[str, frozenset[str]],
    policy: Policy | str = Policy.EVIDENCE,
) -> tuple[ConsolidatedFinding, ...]:
    """Turn raw findings into numbered consolidated findings, most urgent first.

    ``coverage`` maps each reviewer to the files it really reviewed; agreement is counted
    over those reviewers only.
    """
    policy = Policy(policy)
    groups = cluster(findings)
    leads = [_representative(group) for group in groups]
    prints = assign_fingerprints(leads)
    drafts = []
    for group, lead, print_ in zip(groups, leads, prints, strict=True):
        severity, reason = resolve_severity(group, policy, lead.category)
        hottest = min(group, key=lambda f: (f.tier.rank, sort_key(f)))
        severity, reason = _without_heat(severity, reason, hottest.tier)
        reviewers = tuple(sorted({f.reviewer for f in group}))
        saw = {name for name, paths in coverage.items() if lead.location.path in paths}
        drafts.append(ConsolidatedFinding(
            number=0, fingerprint=print_, rule=lead.rule, category=lead.category,
            severity=severity, title=lead.title, problem=lead.problem, fix=lead.fix,
            impact=lead.impact, effort=lead.effort, risk=lead.risk, testing=lead.testing,
            location=lead.location, related=lead.related, reviewers=reviewers,
            agreement=agreement_of(len(reviewers), len(saw | set(reviewers))),
            severity_votes=votes_of(group), resolution=reason,
            evidence=tuple(dict.fromkeys(e for f in group for e in f.evidence)),
            references=lead.references, members=tuple(sorted(group, key=sort_key)),
            tier=hottest.tier, heat=hottest.heat,
        ))
    drafts.sort(key=lambda c: (c.tier.rank, c.severity.rank, c.location.path,
                               c.location.start_line, c.rule or "", c.fingerprint))
    return tuple(replace(draft, number=n) for n, draft in enumerate(drafts, 1))
