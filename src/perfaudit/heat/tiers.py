"""Give each raw finding its tier from the heat of the code it sits in (pure).

Most rules claim a cost per run ("a regex compiled per call"): that claim is only worth a
note where the code runs often, so the tier follows the heat at the finding's line.
Leaks, lifecycle and correctness claims are about the life of the program, not how often a
line runs: a client without a timeout is built once in ``main`` and used per request. Those
are dropped only in cold *places* (examples, tools, test support) and are leads elsewhere
unless their own code is hot.

A per-run cost (an allocation, a loop-invariant call, a quadratic scan, a serialisation) in
code with no evidence either way, or in warm code that runs once per interval of a periodic
loop, is *unproven*, not a lead: on twelve labelled repositories 2 of 92 such matches were
worth a note, against 5 of 21 for the other claims (docs/precision.md). Other claims in warm
code (a fan-out per refresh, a client without a timeout) are leads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

from perfaudit.heat.model import Heat, Level
from perfaudit.model import Category, Evidence, Finding, Tier

LIFETIME_CATEGORIES = frozenset({Category.LEAK, Category.LIFECYCLE, Category.CORRECTNESS})
PER_RUN_CATEGORIES = frozenset({Category.ALGORITHMIC, Category.LOOP_INVARIANT_WORK,
                                Category.ALLOCATION, Category.SERIALIZATION, Category.CACHING,
                                Category.IO})
"""Claims of a cost paid each time the code runs: worth a note only where it runs often."""
HEAT_EVIDENCE = "heat"


def tier_of(finding: Finding, heat: Heat, cold_place: str) -> tuple[Tier, str]:
    """The tier ``finding`` earns at ``heat`` (``cold_place``: why its path is cold, or "")."""
    if heat.level is Level.HOT:
        return Tier.FINDING, heat.describe()
    if finding.category in LIFETIME_CATEGORIES:
        if cold_place:
            return Tier.COLD, cold_place
        return Tier.LEAD, heat.describe()
    if heat.level is Level.COLD:
        return Tier.COLD, heat.describe()
    if finding.category in PER_RUN_CATEGORIES:  # unknown, or once per interval: not often
        return Tier.UNPROVEN, heat.describe()
    return Tier.LEAD, heat.describe()


class HeatSource(Protocol):
    """What weighing asks of heat: a :class:`~perfaudit.heat.model.HeatModel`, or its answers
    replayed from an earlier run over the same files."""

    def at(self, path: str, line: int) -> Heat:
        """Heat of the code at ``path:line``."""
        ...

    def cold_place(self, path: str) -> str:
        """Why ``path`` is a hard-cold place ("" when it is not)."""
        ...


def weigh(findings: Iterable[Finding], model: HeatSource) -> tuple[Finding, ...]:
    """``findings`` with their tier and heat evidence (a ``heat`` evidence item, too)."""
    out = []
    for finding in findings:
        location = finding.location
        heat = model.at(location.path, location.start_line)
        tier, text = tier_of(finding, heat, model.cold_place(location.path))
        evidence = finding.evidence
        if text:
            evidence = (*evidence, Evidence(kind=HEAT_EVIDENCE, summary=text,
                                            detail=f"heat: {heat.level.value}"))
        out.append(replace(finding, tier=tier, heat=text, evidence=evidence))
    return tuple(out)
