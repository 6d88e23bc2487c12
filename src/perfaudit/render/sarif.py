"""SARIF 2.1.0 output for GitHub code scanning and other SARIF consumers (pure).

One result per consolidated finding, not one per reviewer's finding: code scanning
keys an alert on the rule and the fingerprint, so several results sharing a fingerprint
would show up as one alert flickering between messages, or as duplicates to triage
one by one. Each result instead carries the whole panel in ``properties``: the
reviewers, the agreement, every severity vote, the resolution and the members (each
reviewer's rule, severity, title and lines); members reported at other lines appear as
``relatedLocations``.
"""

from __future__ import annotations

import json
from typing import Any

from perfaudit.fingerprint import VERSION as FINGERPRINT_VERSION
from perfaudit.model import ConsolidatedFinding, Report, Severity, Tier

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.P0: "error", Severity.P1: "warning", Severity.P2: "note"}
INFO_URI = "https://github.com/perfaudit/perfaudit"


def rule_id(finding: ConsolidatedFinding) -> str:
    """The SARIF rule id: the perfaudit rule, or ``<category>`` for rule-less reviewers."""
    return finding.rule or f"perf/{finding.category.value}"


def _rule(finding: ConsolidatedFinding) -> dict[str, Any]:
    markdown = f"**Problem.** {finding.problem}\n\n**Fix.** {finding.fix}"
    entry: dict[str, Any] = {
        "id": rule_id(finding),
        "name": rule_id(finding).replace("/", "-"),
        "shortDescription": {"text": finding.title if finding.rule
                             else f"Performance: {finding.category.value}"},
        "fullDescription": {"text": finding.problem},
        "help": {"text": f"{finding.problem}\n\nFix: {finding.fix}", "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"category": finding.category.value, "tags": ["performance",
                                                                     finding.category.value]},
    }
    if finding.references:
        entry["helpUri"] = finding.references[0]
    return entry


def _physical(path: str, start: int, end: int, snippet: str = "") -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": start, "endLine": end}
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"}, "region": region}


def _members(finding: ConsolidatedFinding) -> list[dict[str, Any]]:
    return [{"reviewer": m.reviewer, "rule": m.rule, "severity": m.severity.value,
             "category": m.category.value, "title": m.title,
             "startLine": m.location.start_line, "endLine": m.location.end_line}
            for m in finding.members]


def _related(finding: ConsolidatedFinding) -> list[dict[str, Any]]:
    spans: dict[tuple[int, int], list[str]] = {}
    lead = (finding.location.start_line, finding.location.end_line)
    for m in finding.members:
        key = (m.location.start_line, m.location.end_line)
        if key != lead:
            spans.setdefault(key, []).append(m.reviewer)
    return [{"id": n, "physicalLocation": _physical(finding.location.path, start, end),
             "message": {"text": f"reported here by {', '.join(names)}"}}
            for n, ((start, end), names) in enumerate(sorted(spans.items()), 1)]


def _message(finding: ConsolidatedFinding) -> str:
    text = f"{finding.title}. {finding.fix}"
    if len(finding.reviewers) > 1:
        text += f" (found by {', '.join(finding.reviewers)})"
    return text


def _level(finding: ConsolidatedFinding) -> str:
    """A lead is a ``note`` (never fails a code-scanning gate), a match left out ``none``."""
    if finding.tier is Tier.LEAD:
        return "note"
    if not finding.tier.reported:
        return "none"
    return LEVELS[finding.severity]


def _result(finding: ConsolidatedFinding, index: int) -> dict[str, Any]:
    loc = finding.location
    location: dict[str, Any] = {"physicalLocation": _physical(loc.path, loc.start_line,
                                                              loc.end_line, loc.snippet)}
    if loc.function:
        location["logicalLocations"] = [{"fullyQualifiedName": loc.function, "kind": "function"}]
    result: dict[str, Any] = {
        "ruleId": rule_id(finding), "ruleIndex": index, "level": _level(finding),
        "message": {"text": _message(finding)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_VERSION: finding.fingerprint},
        "properties": {"number": finding.number, "severity": finding.severity.value,
                       "category": finding.category.value, "reviewers": list(finding.reviewers),
                       "agreement": finding.agreement.value, "status": finding.status.value,
                       "severityVotes": [{"reviewer": v.reviewer, "severity": v.severity.value}
                                         for v in finding.severity_votes],
                       "resolution": finding.resolution, "members": _members(finding),
                       "tier": finding.tier.value, "heat": finding.heat,
                       **_evidence(finding)},
    }
    related = _related(finding)
    if related:
        result["relatedLocations"] = related
    return result


def _evidence(finding: ConsolidatedFinding) -> dict[str, Any]:
    if not finding.evidence:
        return {}
    extra: dict[str, Any] = {"evidence": [{"kind": e.kind, "summary": e.summary, "detail": e.detail}
                                          for e in finding.evidence]}
    if finding.hotness is not None:
        extra["hotness"] = finding.hotness
    return extra


def _suppressed(finding: ConsolidatedFinding, index: int, report: Report) -> dict[str, Any]:
    """A triaged finding as a suppressed result, so code scanning shows it dismissed with why."""
    decision = next((t for t in report.triage if t.fingerprint == finding.fingerprint), None)
    reason = f"{decision.status.value}: {decision.reason}" if decision else "triaged"
    result = _result(finding, index)
    result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": reason}]
    return result


def _notifications(report: Report) -> list[dict[str, Any]]:
    notes = []
    for d in report.audit.diagnostics:
        note: dict[str, Any] = {"level": "warning", "message": {"text": f"{d.kind}: {d.message}"},
                                "descriptor": {"id": d.kind}}
        if d.path:
            physical: dict[str, Any] = {"artifactLocation": {"uri": d.path,
                                                             "uriBaseId": "%SRCROOT%"}}
            if d.line:
                physical["region"] = {"startLine": d.line}
            note["locations"] = [{"physicalLocation": physical}]
        notes.append(note)
    return notes


def _invocation(report: Report) -> dict[str, Any]:
    """Whether the run did all it was asked; an incomplete one says why, as error notifications."""
    notes = [{"level": "error", "message": {"text": f"incomplete audit: {reason}"},
              "descriptor": {"id": "incomplete-audit"}}
             for reason in report.audit.incomplete_reasons]
    return {"executionSuccessful": report.audit.complete,
            "toolExecutionNotifications": notes + _notifications(report)}


def to_sarif(report: Report) -> dict[str, Any]:
    """The SARIF log as a dict."""
    rules: dict[str, dict[str, Any]] = {}
    for finding in (*report.findings, *report.triaged):
        rules.setdefault(rule_id(finding), _rule(finding))
    index = {rid: n for n, rid in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "perfaudit", "version": report.audit.tool_version,
                            "informationUri": INFO_URI, "rules": list(rules.values())}},
        "automationDetails": {"id": f"perfaudit/{report.audit.id}"},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + report.audit.target.rstrip("/")
                                             + "/"}},
        "invocations": [_invocation(report)],
        "results": [_result(f, index[rule_id(f)]) for f in report.findings]
        + [_suppressed(f, index[rule_id(f)], report) for f in report.triaged],
    }
    if report.audit.repository_url and report.audit.commit:
        run["versionControlProvenance"] = [{"repositoryUri": report.audit.repository_url,
                                            "revisionId": report.audit.commit}]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report) -> str:
    """The SARIF log as indented JSON text."""
    return json.dumps(to_sarif(report), indent=2) + "\n"
