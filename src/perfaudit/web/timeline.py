"""One finding across audits: where each audit reported it, hid it, or did not see it, and
what each re-validation said of it (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from perfaudit.model import ConsolidatedFinding, Report
from perfaudit.store.history import AuditRow
from perfaudit.web.reader import StoredRevalidation
from perfaudit.web.rows import view_status


@dataclass(frozen=True, slots=True, kw_only=True)
class Check:
    """What one re-validation of an audit said of the finding."""

    validated_at: str
    status: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Appearance:
    """The finding in one audit: as reported, as hidden by triage, or absent (None)."""

    audit: AuditRow
    finding: ConsolidatedFinding | None
    hidden: bool = False
    checks: tuple[Check, ...] = ()


def _checks(fingerprint: str, then: ConsolidatedFinding | None,
            revalidations: Sequence[StoredRevalidation]) -> tuple[Check, ...]:
    found = []
    for stored in revalidations:
        now = next((f for f in stored.report.findings if f.fingerprint == fingerprint), None)
        if now is not None:
            found.append(Check(validated_at=stored.validated_at, status=view_status(then, now),
                               reason=now.status_reason))
    return tuple(found)


def appearances(fingerprint: str, audits: Sequence[tuple[AuditRow, Report]],
                revalidations: Mapping[str, Sequence[StoredRevalidation]]) -> list[Appearance]:
    """``fingerprint`` in each of ``audits`` (in their order), with each audit's
    re-validations (audit id -> newest first) that mention it."""
    out = []
    for row, report in audits:
        shown = next((f for f in report.findings if f.fingerprint == fingerprint), None)
        hidden = next((f for f in report.triaged if f.fingerprint == fingerprint), None)
        then = shown or hidden
        out.append(Appearance(audit=row, finding=then, hidden=shown is None and hidden is not None,
                              checks=_checks(fingerprint, then, revalidations.get(row.id, ()))))
    return out
