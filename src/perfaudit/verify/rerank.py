"""Re-rank a report's findings by profile heat and list the hottest functions (pure)."""

from __future__ import annotations

from dataclasses import replace

from perfaudit.model import (
    Action,
    Category,
    ConsolidatedFinding,
    Evidence,
    HotFunction,
    Report,
    Severity,
)
from perfaudit.verify.hot import Heat, display_name, heat, short_name
from perfaudit.verify.profile import FunctionCost, Profile

HOT_SHARE = 0.10
"""Cumulative share at or above which a finding's function counts as hot."""
NOT_OBSERVED = "not observed in profile — likely low impact"


def percent(share: float) -> str:
    """A share as ``31 %`` (one decimal below 10 %)."""
    value = share * 100
    return f"{value:.0f} %" if value >= 10 or value == 0 else f"{value:.1f} %"


def _hot(finding: ConsolidatedFinding, found: Heat, profile: Profile,
         hot_share: float) -> ConsolidatedFinding:
    where = short_name(found.functions[0].name)
    reason = f"{percent(found.cumulative)} {profile.noun}"
    evidence = Evidence(kind="profile", summary=f"{reason} (cumulative), "
                        f"{percent(found.flat)} flat in {where}",
                        detail=f"{profile.source}: {profile.sample_type} ({profile.unit})")
    severity, resolution = finding.severity, finding.resolution
    if found.cumulative >= hot_share:
        raised = severity.raised()
        if finding.category is Category.CORRECTNESS and raised is Severity.P0:
            raised = severity
        if raised is not severity:
            severity = raised
            resolution = "; ".join(filter(None, [resolution, f"escalated: {reason}"]))
    return replace(finding, severity=severity, resolution=resolution,
                   hotness=found.cumulative, evidence=(*finding.evidence, evidence))


def _cold(finding: ConsolidatedFinding, profile: Profile) -> ConsolidatedFinding:
    evidence = Evidence(kind="profile", summary=NOT_OBSERVED,
                        detail=f"{profile.source}: {profile.sample_type} ({profile.unit})")
    return replace(finding, severity=finding.severity.lowered(), hotness=0.0,
                   resolution="; ".join(filter(None, [finding.resolution, NOT_OBSERVED])),
                   evidence=(*finding.evidence, evidence))


def _actions(actions: tuple[Action, ...], by_number: dict[int, ConsolidatedFinding]) \
        -> tuple[Action, ...]:
    def hotness(action: Action) -> float:
        return max((by_number[n].hotness or 0.0 for n in action.findings if n in by_number),
                   default=0.0)

    updated = []
    for action in actions:
        members = [by_number[n] for n in action.findings if n in by_number]
        severity = min((f.severity for f in members), key=lambda s: s.rank,
                       default=action.severity)
        updated.append(replace(action, severity=severity))
    updated.sort(key=lambda a: (a.severity.rank, -hotness(a), a.findings[0]))
    return tuple(updated)


def _hot_functions(profile: Profile, heats: dict[int, Heat], top: int) -> tuple[HotFunction, ...]:
    owners: dict[FunctionCost, list[int]] = {}
    paths: dict[FunctionCost, str] = {}
    for number, found in heats.items():
        for fc in found.functions:
            owners.setdefault(fc, []).append(number)
            paths[fc] = found.path
    ranked = sorted(profile.functions, key=lambda f: (-f.flat, -f.cumulative, f.name))[:top]
    ranked += [fc for fc in owners if fc not in ranked]
    return tuple(HotFunction(name=display_name(fc.name),
                             path=paths.get(fc) or "/".join(fc.file.split("/")[-2:]),
                             flat=profile.share(fc.flat), cumulative=profile.share(fc.cumulative),
                             findings=tuple(sorted(owners.get(fc, []))))
                 for fc in ranked if fc.flat or fc in owners)


def rerank(report: Report, profile: Profile, hot_share: float = HOT_SHARE,
           top: int = 15) -> Report:
    """Escalate findings in hot functions, lower the ones the profile never saw, re-order."""
    heats: dict[int, Heat] = {}
    findings = []
    for finding in report.findings:
        if not finding.location.function:
            findings.append(finding)
            continue
        found = heat(finding, profile)
        if found is None:
            findings.append(_cold(finding, profile))
        else:
            heats[finding.number] = found
            findings.append(_hot(finding, found, profile, hot_share))
    findings.sort(key=lambda f: (f.severity.rank, -(f.hotness or 0.0), f.number))
    by_number = {f.number: f for f in findings}
    return replace(report, findings=tuple(findings),
                   actions=_actions(report.actions, by_number),
                   hot_functions=_hot_functions(profile, heats, top),
                   profile_source=f"{profile.source} ({profile.sample_type}, {profile.unit})")
