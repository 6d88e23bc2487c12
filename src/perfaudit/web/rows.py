"""An audit's findings as the web views list them: each with its latest re-validation status
and the team's current decision (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from perfaudit.model import ConsolidatedFinding, Report, Status, Triage

MOVED = "moved"
"""A view status: still present, but in another file or function than the audit found it."""
NOT_REVALIDATED = "not re-validated"
VIEW_STATUSES = (Status.STILL_PRESENT.value, MOVED, Status.PARTIAL.value, Status.FIXED.value,
                 Status.UNKNOWN.value, Status.NEW.value)
"""The re-validation view's groups, in the order it shows them."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FindingRow:
    """One finding of an audit, with what is known of it since."""

    finding: ConsolidatedFinding
    status: str = NOT_REVALIDATED
    """Its status in the latest re-validation of the audit (``moved`` included)."""
    status_reason: str = ""
    now: ConsolidatedFinding | None = None
    """The finding as that re-validation saw it (its current location), when it did."""
    decision: Triage | None = None
    """The decision in the triage file now, if any."""
    hidden: bool = False
    """Whether a triage decision hid it from the audit's report when the audit ran."""


def view_status(then: ConsolidatedFinding | None, now: ConsolidatedFinding) -> str:
    """``now``'s re-validation status, with ``moved`` for a finding still present elsewhere
    than where the audit found it (``then``)."""
    if now.status is Status.STILL_PRESENT and then is not None and (
            now.location.path != then.location.path
            or now.location.function != then.location.function):
        return MOVED
    return now.status.value


def finding_rows(report: Report, revalidated: Report | None,
                 decisions: Sequence[Triage]) -> list[FindingRow]:
    """The audit's findings (then the ones triage hid) with their status in ``revalidated``
    (the latest re-validation of this audit, if any) and their current decision."""
    by_print: Mapping[str, ConsolidatedFinding] = (
        {f.fingerprint: f for f in revalidated.findings if f.status is not Status.NEW}
        if revalidated is not None else {})
    decided = {d.fingerprint: d for d in decisions}
    rows = []
    for hidden, findings in ((False, report.findings), (True, report.triaged)):
        for finding in findings:
            now = by_print.get(finding.fingerprint)
            rows.append(FindingRow(
                finding=finding, now=now, hidden=hidden,
                status=view_status(finding, now) if now is not None else NOT_REVALIDATED,
                status_reason=now.status_reason if now is not None else "",
                decision=decided.get(finding.fingerprint)))
    return rows


def find_row(rows: Sequence[FindingRow], fingerprint: str) -> FindingRow | None:
    """The row of ``fingerprint``, or None."""
    return next((row for row in rows if row.finding.fingerprint == fingerprint), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """One finding of a re-validation: where the audit found it and what became of it."""

    status: str
    reason: str
    now: ConsolidatedFinding
    then: ConsolidatedFinding | None


def outcomes(report: Report, revalidated: Report) -> dict[str, list[Outcome]]:
    """The re-validation's findings grouped by view status, in :data:`VIEW_STATUSES` order
    (empty groups kept, so every status is shown with its count)."""
    then = {f.fingerprint: f for f in (*report.findings, *report.triaged)}
    groups: dict[str, list[Outcome]] = {status: [] for status in VIEW_STATUSES}
    for now in revalidated.findings:
        earlier = None if now.status is Status.NEW else then.get(now.fingerprint)
        status = view_status(earlier, now)
        groups.setdefault(status, []).append(
            Outcome(status=status, reason=now.status_reason, now=now, then=earlier))
    return groups
