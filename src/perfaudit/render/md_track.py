"""Markdown sections for tracking: baseline note and triage decisions (pure)."""

from __future__ import annotations

from perfaudit.model import ConsolidatedFinding, Report, Triage, TriageState
from perfaudit.render._text import cell, span
from perfaudit.wording import plural

_TRIAGE_DIAGNOSTICS = {"suppression-without-reason": "in-code suppression without a reason",
                       "unused-suppression": "in-code suppression that matched no finding"}


def baseline(report: Report) -> list[str]:
    """How many findings the baseline hid, when there was one."""
    audit = report.audit
    if audit.baseline is None:
        return []
    return [f"{plural(audit.hidden_by_baseline, 'finding')} hidden by the baseline "
            f"({cell(audit.baseline)}); only new findings are listed.", ""]


def _where(entry: Triage, finding: ConsolidatedFinding | None) -> str:
    if finding is not None:
        return f"`{span(finding.location)}`"
    return f"`{entry.path}`" if entry.path else "—"


def _entry_row(entry: Triage, finding: ConsolidatedFinding | None) -> str:
    title = finding.title if finding is not None else entry.title
    until = entry.until or "—"
    status = entry.status.value + (f" as {entry.severity.value}" if entry.severity else "")
    reason = cell(entry.reason) + (f" — {cell(entry.author)}" if entry.author else "")
    return (f"| `{entry.fingerprint}` | {_where(entry, finding)} | {cell(title) or '—'} "
            f"| {status} | {entry.state.value} | {until} | {reason} |")


def triage(report: Report) -> list[str]:
    """Triaged findings with status and reason, expired and unmatched decisions, and
    in-code suppressions that lack a reason or match nothing."""
    suppressions = [d for d in report.audit.diagnostics if d.kind in _TRIAGE_DIAGNOSTICS]
    if not report.triage and not suppressions:
        return []
    lines = ["## Triage", ""]
    if report.triage:
        known = {f.fingerprint: f for f in (*report.triaged, *report.findings)}
        lines += ["Decisions from `.perfaudit/triage.toml`. Active ones hide their finding (an "
                  "adjudication sets its severity instead); expired ones no longer apply; "
                  "unmatched ones match no finding of this audit.", "",
                  "| Fingerprint | Location | Issue | Status | State | Until | Reason |",
                  "|---|---|---|---|---|---|---|"]
        order = {TriageState.ACTIVE: 0, TriageState.EXPIRED: 1, TriageState.UNMATCHED: 2}
        for entry in sorted(report.triage, key=lambda t: (order[t.state], t.fingerprint)):
            lines.append(_entry_row(entry, known.get(entry.fingerprint)))
        lines.append("")
    if suppressions:
        lines += ["In-code suppressions to review:", ""]
        lines += [f"- `{d.path}:{d.line}` — {_TRIAGE_DIAGNOSTICS[d.kind]}" for d in suppressions]
        lines.append("")
    return lines
