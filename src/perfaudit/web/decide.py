"""A triage form's answer as the decision ``perfaudit triage`` would record (recorded by the
same ``track.triage.record``, into ``.perfaudit/triage.toml``)."""

from __future__ import annotations

from collections.abc import Mapping

from perfaudit.errors import UsageError
from perfaudit.model import ConsolidatedFinding, Severity, Triage, TriageStatus

CHOICES = (
    (TriageStatus.ACCEPTED, "Accept"),
    (TriageStatus.FALSE_POSITIVE, "False positive"),
    (TriageStatus.WONT_FIX, "Won't fix"),
    (TriageStatus.DEFERRED, "Defer"),
    (TriageStatus.ADJUDICATED, "Override the severity"),
)
"""The decisions the form offers, with their labels."""


def _status(value: str) -> TriageStatus:
    try:
        return TriageStatus(value)
    except ValueError:
        raise UsageError("choose a decision") from None


def _severity(value: str) -> Severity | None:
    if not value:
        return None
    try:
        return Severity(value)
    except ValueError:
        raise UsageError(f"not a severity (P0, P1 or P2): {value!r}") from None


def decision(form: Mapping[str, str], finding: ConsolidatedFinding, author: str) -> Triage:
    """The decision a submitted form asks for about ``finding`` (checked when recorded, as
    the command line's are); ``author`` decides unless the form names someone."""
    return Triage(fingerprint=finding.fingerprint, status=_status(form.get("status", "")),
                  reason=form.get("reason", ""), until=form.get("until", "").strip() or None,
                  rule=finding.rule, path=finding.location.path, title=finding.title,
                  severity=_severity(form.get("severity", "").strip()),
                  author=form.get("author", "").strip() or author)
