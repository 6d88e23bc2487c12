"""The app's paths, built in one place so templates and redirects agree (pure)."""

from __future__ import annotations

from urllib.parse import quote, urlencode


def _part(value: str) -> str:
    return quote(value, safe="")


def audit_url(audit_id: str, query: dict[str, str] | None = None) -> str:
    """An audit's findings page, with filters when given."""
    url = f"/audits/{_part(audit_id)}"
    return f"{url}?{urlencode(query)}" if query else url


def finding_url(audit_id: str, fingerprint: str) -> str:
    """One finding of an audit."""
    return f"/audits/{_part(audit_id)}/findings/{_part(fingerprint)}"


def triage_url(audit_id: str, fingerprint: str) -> str:
    """Where a finding's triage form posts."""
    return finding_url(audit_id, fingerprint) + "/triage"


def revalidation_url(audit_id: str, at: int = 0) -> str:
    """A re-validation of an audit (0: the latest)."""
    url = f"/audits/{_part(audit_id)}/revalidation"
    return f"{url}?at={at}" if at else url
