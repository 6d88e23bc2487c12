"""Markdown section 11 (how this audit was made: reviewers, cost, coverage, problems met) (pure)."""

from __future__ import annotations

from collections import Counter

from perfaudit.model import Report
from perfaudit.render import panel
from perfaudit.render._text import cell, code
from perfaudit.wording import plural

MAX_DIAGNOSTICS = 50


def _reviewer_rows(report: Report) -> list[str]:
    rows = ["| Reviewer | Model | Files reviewed | Not reviewed | Findings | Rejected | Errors "
            "| Seconds | Tokens in/out | Cost |", "|---|---|---|---|---|---|---|---|---|---|"]
    for row in panel.coverage(report):
        r = row.run
        state = "" if r.available else " (not available)"
        rows.append(f"| {cell(r.name)}{state} | {cell(r.model or '—')} | {r.files_reviewed} "
                    f"| {row.not_reviewed} | {r.findings} | {r.rejected} | {r.errors} "
                    f"| {r.duration_s:.2f} | {r.tokens_in:,}/{r.tokens_out:,} | ${r.cost_usd:.2f} |")
    runs = report.audit.reviewers
    if len(runs) > 1:
        rows.append(f"| **Total** | | | | {sum(r.findings for r in runs)} "
                    f"| {sum(r.rejected for r in runs)} | {sum(r.errors for r in runs)} "
                    f"| {sum(r.duration_s for r in runs):.2f} "
                    f"| {sum(r.tokens_in for r in runs):,}/{sum(r.tokens_out for r in runs):,} "
                    f"| ${sum(r.cost_usd for r in runs):.2f} |")
    return [*rows, ""]


def _not_reviewed(report: Report) -> list[str]:
    lines = []
    for run in report.audit.reviewers:
        if run.not_reviewed:
            reasons = Counter(skip.reason for skip in run.not_reviewed)
            text = ", ".join(f"{reason}: {count}" for reason, count in sorted(reasons.items()))
            lines.append(f"- {cell(run.name)} did not review {plural(len(run.not_reviewed), 'file')} — "
                         f"{cell(text)}")
    prompts = sorted({f"{r.name}: `{r.prompt_version}`" for r in report.audit.reviewers
                      if r.prompt_version})
    if prompts:
        lines.append("- Prompt versions: " + ", ".join(prompts))
    return [*lines, ""] if lines else []


def _diagnostics(report: Report) -> list[str]:
    diagnostics = report.audit.diagnostics
    if not diagnostics:
        return []
    lines = ["Problems met during the run:", ""]
    for d in diagnostics[:MAX_DIAGNOSTICS]:
        place = f" · {code(d.path + (f':{d.line}' if d.line else ''))}" if d.path else ""
        lines.append(f"- {cell(d.source)} · {cell(d.kind)}{place} — {cell(d.message)}")
    if len(diagnostics) > MAX_DIAGNOSTICS:
        lines.append(f"- … and {len(diagnostics) - MAX_DIAGNOSTICS} more (see findings.json)")
    return [*lines, ""]


def method(report: Report) -> list[str]:
    """Reviewers with model, duration, tokens, cost and coverage; skips; problems met."""
    audit = report.audit
    lines = ["## How this audit was made", "",
             f"{plural(audit.files_scanned, 'file')} ({plural(audit.lines_scanned, 'line')}) "
             "discovered for review.", "", *_reviewer_rows(report), *_not_reviewed(report)]
    if audit.skipped:
        skips = ", ".join(f"{reason}: {count}" for reason, count in audit.skipped.items())
        lines += [f"Files skipped — {skips}.", ""]
    lines += _diagnostics(report)
    lines.append(f"perfaudit {audit.tool_version}, audit `{audit.id}`, "
                 f"{audit.started} → {audit.finished}.")
    return [*lines, ""]
