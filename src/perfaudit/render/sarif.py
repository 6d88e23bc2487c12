"""SARIF 2.1.0 output for GitHub code scanning and other SARIF consumers (pure)."""

from __future__ import annotations

import json
from typing import Any

from perfaudit.fingerprint import VERSION as FINGERPRINT_VERSION
from perfaudit.model import ConsolidatedFinding, Report, Severity

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
        "shortDescription": {"text": finding.title},
        "fullDescription": {"text": finding.problem},
        "help": {"text": f"{finding.problem}\n\nFix: {finding.fix}", "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"category": finding.category.value, "tags": ["performance",
                                                                     finding.category.value]},
    }
    if finding.references:
        entry["helpUri"] = finding.references[0]
    return entry


def _result(finding: ConsolidatedFinding, index: int) -> dict[str, Any]:
    loc = finding.location
    region: dict[str, Any] = {"startLine": loc.start_line, "endLine": loc.end_line}
    if loc.snippet:
        region["snippet"] = {"text": loc.snippet}
    location: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": {"uri": loc.path, "uriBaseId": "%SRCROOT%"}, "region": region}}
    if loc.function:
        location["logicalLocations"] = [{"fullyQualifiedName": loc.function, "kind": "function"}]
    return {
        "ruleId": rule_id(finding), "ruleIndex": index, "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.title}. {finding.fix}"},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_VERSION: finding.fingerprint},
        "properties": {"number": finding.number, "severity": finding.severity.value,
                       "category": finding.category.value, "reviewers": list(finding.reviewers),
                       "agreement": finding.agreement.value, "status": finding.status.value,
                       **_evidence(finding)},
    }


def _evidence(finding: ConsolidatedFinding) -> dict[str, Any]:
    if not finding.evidence:
        return {}
    extra: dict[str, Any] = {"evidence": [{"kind": e.kind, "summary": e.summary, "detail": e.detail}
                                          for e in finding.evidence]}
    if finding.hotness is not None:
        extra["hotness"] = finding.hotness
    return extra


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


def to_sarif(report: Report) -> dict[str, Any]:
    """The SARIF log as a dict."""
    rules: dict[str, dict[str, Any]] = {}
    for finding in report.findings:
        rules.setdefault(rule_id(finding), _rule(finding))
    index = {rid: n for n, rid in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "perfaudit", "version": report.audit.tool_version,
                            "informationUri": INFO_URI, "rules": list(rules.values())}},
        "automationDetails": {"id": f"perfaudit/{report.audit.id}"},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + report.audit.target.rstrip("/")
                                             + "/"}},
        "invocations": [{"executionSuccessful": True,
                         "toolExecutionNotifications": _notifications(report)}],
        "results": [_result(f, index[rule_id(f)]) for f in report.findings],
    }
    if report.audit.repository_url and report.audit.commit:
        run["versionControlProvenance"] = [{"repositoryUri": report.audit.repository_url,
                                            "revisionId": report.audit.commit}]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report) -> str:
    """The SARIF log as indented JSON text."""
    return json.dumps(to_sarif(report), indent=2) + "\n"
