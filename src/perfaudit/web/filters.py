"""The findings page's filters: read from the query string, offered, applied (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

from perfaudit.errors import UsageError
from perfaudit.web.rows import FindingRow

OPEN = "open"
"""The triage filter's value for findings with no decision in the triage file."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """What the findings list is narrowed to; an empty value does not narrow."""

    severity: str = ""
    rule: str = ""
    reviewer: str = ""
    tier: str = ""
    status: str = ""
    triage: str = ""

    def active(self) -> dict[str, str]:
        """The filters that narrow, by name (for links that keep them)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def _rule(row: FindingRow) -> str:
    return row.finding.rule or f"category:{row.finding.category.value}"


def _triage(row: FindingRow) -> str:
    return row.decision.status.value if row.decision is not None else OPEN


def _values(row: FindingRow) -> dict[str, tuple[str, ...]]:
    """Each filter's values for ``row`` (a finding has several reviewers)."""
    finding = row.finding
    return {"severity": (finding.severity.value,), "rule": (_rule(row),),
            "reviewer": finding.reviewers, "tier": (finding.tier.value,),
            "status": (row.status,), "triage": (_triage(row),)}


def choices(rows: Sequence[FindingRow]) -> dict[str, list[str]]:
    """Each filter's values that occur in ``rows``, sorted."""
    found: dict[str, set[str]] = {f.name: set() for f in fields(Filters)}
    for row in rows:
        for name, values in _values(row).items():
            found[name].update(values)
    return {name: sorted(values) for name, values in found.items()}


def parse_filters(params: Mapping[str, str], offered: Mapping[str, Sequence[str]]) -> Filters:
    """The filters in ``params``; a usage error for a value none of the findings has."""
    chosen = {}
    for f in fields(Filters):
        value = params.get(f.name, "").strip()
        if value and value not in offered.get(f.name, ()):
            raise UsageError(f"no finding of this audit has {f.name} {value!r}")
        chosen[f.name] = value
    return Filters(**chosen)


def apply(rows: Sequence[FindingRow], filters: Filters) -> list[FindingRow]:
    """The rows that match every active filter, in their order."""
    wanted = filters.active()
    return [row for row in rows if _matches(_values(row), wanted)]


def _matches(values: Mapping[str, tuple[str, ...]], wanted: Mapping[str, str]) -> bool:
    return all(value in values[name] for name, value in wanted.items())
