"""The fleet report: each repository's counts, the rules that fire most, the most P0 (pure)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from perfaudit.model import Report, Severity, Tier

SCHEMA_VERSION = "1.0"
NO_RULE = "(no rule)"


class RepoStatus(StrEnum):
    """What became of one repository in a fleet run."""

    AUDITED = "audited"
    UNCHANGED = "unchanged"
    """Not audited again: same commit and rule pack as its last fleet audit, shown from it."""
    INCOMPLETE = "incomplete"
    """Audited, but the audit lost work (see the reason)."""
    FAILED = "failed"

    @property
    def lost(self) -> bool:
        """Whether this repository makes the fleet run incomplete."""
        return self in (RepoStatus.INCOMPLETE, RepoStatus.FAILED)


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleCount:
    """How many findings one rule has in one repository."""

    rule: str
    findings: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RepoResult:
    """One repository's line in the fleet report (counts are of findings, leads apart)."""

    name: str
    status: RepoStatus
    reason: str = ""
    audit_id: str | None = None
    commit: str | None = None
    p0: int = 0
    p1: int = 0
    p2: int = 0
    leads: int = 0
    rules: tuple[RuleCount, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleTally:
    """One rule across the fleet: its findings and the repositories it fires in."""

    rule: str
    findings: int
    repositories: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FleetReport:
    """A whole fleet run, as ``fleet.md`` and ``fleet.json`` show it."""

    schema_version: str
    id: str
    started: str
    finished: str
    tool_version: str
    database: str
    complete: bool
    repositories: tuple[RepoResult, ...]
    rules: tuple[RuleTally, ...]
    most_p0: tuple[str, ...]
    """Repositories with P0 findings, the most first."""


def from_report(name: str, report: Report, *, unchanged: bool = False) -> RepoResult:
    """``name``'s line from its audit's ``report`` (audited now, or ``unchanged``)."""
    findings = [f for f in report.findings if f.tier is Tier.FINDING]
    severities = Counter(f.severity for f in findings)
    rules = Counter(f.rule or NO_RULE for f in findings)
    audit = report.audit
    if unchanged:
        status = RepoStatus.UNCHANGED
    else:
        status = RepoStatus.AUDITED if audit.complete else RepoStatus.INCOMPLETE
    return RepoResult(
        name=name, status=status, reason="; ".join(audit.incomplete_reasons),
        audit_id=audit.id, commit=audit.commit, p0=severities[Severity.P0],
        p1=severities[Severity.P1], p2=severities[Severity.P2],
        leads=sum(1 for f in report.findings if f.tier is Tier.LEAD),
        rules=tuple(RuleCount(rule=r, findings=n) for r, n in sorted(rules.items())))


def failed(name: str, reason: str) -> RepoResult:
    """``name``'s line when it could not be audited."""
    return RepoResult(name=name, status=RepoStatus.FAILED, reason=reason)


def tally_rules(results: tuple[RepoResult, ...]) -> tuple[RuleTally, ...]:
    """Every rule that fired, the most findings first (then the most repositories, then id)."""
    findings: Counter[str] = Counter()
    repositories: Counter[str] = Counter()
    for result in results:
        for count in result.rules:
            findings[count.rule] += count.findings
            repositories[count.rule] += 1
    tallies = [RuleTally(rule=r, findings=n, repositories=repositories[r])
               for r, n in findings.items()]
    return tuple(sorted(tallies, key=lambda t: (-t.findings, -t.repositories, t.rule)))


def most_p0(results: tuple[RepoResult, ...]) -> tuple[str, ...]:
    """Repositories with P0 findings, the most first (then the most P1, then by name)."""
    ranked = sorted((r for r in results if r.p0), key=lambda r: (-r.p0, -r.p1, r.name))
    return tuple(r.name for r in ranked)


def summarise(results: tuple[RepoResult, ...], *, run_id: str, started: str, finished: str,
              tool_version: str, database: str) -> FleetReport:
    """The fleet report of ``results`` (in any order: repositories are sorted by name)."""
    ordered = tuple(sorted(results, key=lambda r: r.name))
    return FleetReport(
        schema_version=SCHEMA_VERSION, id=run_id, started=started, finished=finished,
        tool_version=tool_version, database=database,
        complete=not any(r.status.lost for r in ordered), repositories=ordered,
        rules=tally_rules(ordered), most_p0=most_p0(ordered))
