"""Re-validation: give each finding of an earlier audit its status against newer code (pure).

A finding's *locations* are its primary location plus its related locations. Matching runs in
two passes: by fingerprint, then by (rule or category, path, enclosing function) for findings
whose snippet moved or changed. A matched finding is *partial* when it now has fewer
locations or a lower severity, else *still present*. An unmatched finding is *fixed* only when
its file was reviewed again and its file's content changed; otherwise it is *unknown* — a
finding in a file that was not reviewed this time is never called fixed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from perfaudit.model import ConsolidatedFinding, Diagnostic, Report, Revalidation, Status


@dataclass(frozen=True, slots=True, kw_only=True)
class CurrentState:
    """What the newer code looks like to the reviewers that re-ran."""

    findings: tuple[ConsolidatedFinding, ...] = ()
    reviewed: Mapping[str, frozenset[str]] = field(default_factory=dict)
    carried: Mapping[str, frozenset[str]] = field(default_factory=dict)
    present: frozenset[str] = frozenset()
    changed: frozenset[str] = frozenset()
    diagnostics: tuple[Diagnostic, ...] = ()


def _kind(finding: ConsolidatedFinding) -> str:
    return finding.rule or f"category:{finding.category.value}"


def _loose_key(finding: ConsolidatedFinding) -> tuple[str, str, str]:
    return (_kind(finding), finding.location.path, finding.location.function or "")


def _reviewed_by(finding: ConsolidatedFinding, state: CurrentState) -> set[str]:
    path = finding.location.path
    return {name for name in finding.reviewers if path in state.reviewed.get(name, frozenset())}


def match(earlier: tuple[ConsolidatedFinding, ...], state: CurrentState
          ) -> dict[int, ConsolidatedFinding]:
    """Earlier finding number -> the current finding it still is (one to one)."""
    pool = list(state.findings)
    matched: dict[int, ConsolidatedFinding] = {}
    for loose in (False, True):
        for old in earlier:
            if old.number in matched:
                continue
            names = _reviewed_by(old, state)
            found = [c for c in pool if set(c.reviewers) & names and (
                _loose_key(c) == _loose_key(old) if loose else c.fingerprint == old.fingerprint)]
            if found:
                best = min(found, key=lambda c: abs(c.location.start_line - old.location.start_line))
                matched[old.number] = best
                pool.remove(best)
    return matched


def status_of(old: ConsolidatedFinding, now: ConsolidatedFinding | None,
              state: CurrentState) -> Status:
    """The status of one earlier finding given its current match (if any)."""
    path = old.location.path
    if path not in state.present:
        return Status.UNKNOWN
    if now is not None:
        fewer = len(now.related) < len(old.related)
        milder = now.severity.rank > old.severity.rank
        return Status.PARTIAL if fewer or milder else Status.STILL_PRESENT
    if _reviewed_by(old, state):
        return Status.FIXED if path in state.changed else Status.UNKNOWN
    carried = any(path in state.carried.get(name, frozenset()) for name in old.reviewers)
    return Status.STILL_PRESENT if carried and path not in state.changed else Status.UNKNOWN


def revalidate(earlier: Report, state: CurrentState, validated_at: str) -> Report:
    """``earlier`` with each finding's status (and current location) and the counts."""
    matches = match(earlier.findings, state)
    findings = []
    for old in earlier.findings:
        now = matches.get(old.number)
        status = status_of(old, now, state)
        shown = old if now is None else replace(
            old, location=now.location, related=now.related, severity=now.severity)
        findings.append(replace(shown, status=status))
    counts = Counter(f.status for f in findings)
    summary = Revalidation(audit_id=earlier.audit.id, validated_at=validated_at,
                           still_present=counts[Status.STILL_PRESENT],
                           partial=counts[Status.PARTIAL], fixed=counts[Status.FIXED],
                           unknown=counts[Status.UNKNOWN])
    return replace(earlier, findings=tuple(findings),
                   audit=replace(earlier.audit, revalidation=summary))
