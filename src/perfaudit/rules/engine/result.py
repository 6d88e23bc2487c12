"""What scanning one file gives: its findings and diagnostics (pure data, cheap to import)."""

from __future__ import annotations

from dataclasses import dataclass

from perfaudit.model import Diagnostic, Finding

REVIEWER = "rules"
"""The reviewer name of the built-in rules' findings."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanResult:
    """Findings and diagnostics for one file."""

    findings: tuple[Finding, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
