"""Rebuild a report around a narrower list of findings: renumber, re-plan the actions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from perfaudit.consolidate import plan_actions
from perfaudit.model import ConsolidatedFinding, Report, Tier


def renumbered(report: Report, findings: Sequence[ConsolidatedFinding]) -> Report:
    """``report`` showing only ``findings`` (in their order), numbered 1.. with fresh actions
    (for findings only: leads and the matches left out are not in the plan)."""
    numbered = tuple(replace(f, number=n) for n, f in enumerate(findings, 1))
    return replace(report, findings=numbered,
                   actions=plan_actions(tuple(f for f in numbered if f.tier is Tier.FINDING)))
