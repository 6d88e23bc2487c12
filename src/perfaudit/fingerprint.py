"""Stable, versioned identity of a finding that survives lines moving (DESIGN §6)."""

from __future__ import annotations

import hashlib
import re

from perfaudit.model import Finding

VERSION = "perfaudit/v1"
_SPACE = re.compile(r"\s+")


QUOTE_MIN = 12
"""A quoted snippet shorter than this once normalised (`defer f()`, `x := y`) names no
construct of its own: it is found everywhere, so it neither merges findings nor proves code
is still there."""


def normalise_snippet(snippet: str) -> str:
    """Collapse whitespace so re-indentation or reflowing does not change identity."""
    return _SPACE.sub(" ", snippet).strip()


def base_key(finding: Finding) -> str:
    """The identity of a finding before disambiguating identical twins."""
    loc = finding.location
    kind = finding.rule or str(finding.category)
    parts = (kind, loc.path, loc.function or "", normalise_snippet(loc.snippet))
    return "\x1f".join(parts)


def fingerprint(key: str, occurrence: int = 0) -> str:
    """A short hex digest of ``key`` and its occurrence index within the same key."""
    digest = hashlib.sha256(f"{VERSION}\x1f{key}\x1f{occurrence}".encode()).hexdigest()
    return digest[:16]


def assign_fingerprints(findings: list[Finding]) -> list[str]:
    """Fingerprints for findings in order; identical patterns in one function get indices 0, 1, ..."""
    seen: dict[str, int] = {}
    ordered = sorted(range(len(findings)), key=lambda i: findings[i].location.start_line)
    result = [""] * len(findings)
    for index in ordered:
        key = base_key(findings[index])
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        result[index] = fingerprint(key, occurrence)
    return result
