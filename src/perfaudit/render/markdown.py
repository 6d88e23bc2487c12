"""Markdown report (DESIGN §9), fit to paste into a GitHub issue (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from perfaudit.model import Agreement, ConsolidatedFinding, Report, ReviewerRun, Severity
from perfaudit.render import md_plan, md_track
from perfaudit.render._text import cell, plural, source_link, span

Section = Callable[[Report], list[str]]


def _where(report: Report, finding: ConsolidatedFinding) -> str:
    text = f"`{span(finding.location)}`"
    link = source_link(report.audit, finding.location)
    return f"[{text}]({link})" if link else text


def _reviewer_label(run: ReviewerRun) -> str:
    return f"{run.name} ({run.model})" if run.model else run.name


def _title(report: Report) -> list[str]:
    audit = report.audit
    name = audit.target.rstrip("/").rsplit("/", 1)[-1]
    commit = f"`{audit.commit[:12]}`" if audit.commit else "no commit"
    reviewers = ", ".join(_reviewer_label(r) for r in audit.reviewers) or "none"
    versions = ", ".join(f"{lang} {ver}" for lang, ver in sorted(audit.language_versions.items()))
    line = (f"Target **{name}** at {commit} · {audit.started[:10]} · reviewers: {reviewers} · "
            f"{plural(audit.files_scanned, 'file')}, {audit.lines_scanned:,} lines")
    if versions:
        line += f" · {versions}"
    return [f"# Performance audit: {name}", "", line, ""]


def _last_validated(report: Report) -> list[str]:
    rv = report.audit.revalidation
    if rv is None:
        return []
    return [f"**Last validated: {rv.validated_at[:10]}** — {rv.still_present} still present, "
            f"{rv.partial} partial, {rv.fixed} fixed, {rv.unknown} unknown "
            f"(audit `{rv.audit_id}`)", ""]


def _summary(report: Report) -> list[str]:
    findings = report.findings
    if not findings:
        return ["## Summary", "", "No performance findings.", ""]
    categories = {f.category for f in findings}
    by_severity = Counter(f.severity for f in findings)
    counts = ", ".join(f"{s.value}: {by_severity.get(s, 0)}" for s in Severity)
    lines = ["## Summary", "",
             f"{plural(len(findings), 'unique finding')} across "
             f"{plural(len(categories), 'category').replace('categorys', 'categories')} ({counts})."]
    names = [r.name for r in report.audit.reviewers]
    if len(names) > 1:
        found_by_all = sum(1 for f in findings if f.agreement is Agreement.ALL)
        lines.append(f"- {found_by_all} found by all reviewers that saw the file")
        for name in names:
            only = sum(1 for f in findings if f.reviewers == (name,))
            lines.append(f"- {only} only by {name}")
        disagreements = sum(1 for f in findings if len({v.severity for v in f.severity_votes}) > 1)
        lines.append(f"- {plural(disagreements, 'severity disagreement')}")
    return [*lines, ""]


def _table(report: Report, findings: list[ConsolidatedFinding]) -> list[str]:
    if report.audit.revalidation is not None:
        rows = ["| # | Severity | Location | Issue | Status |", "|---|---|---|---|---|"]
        rows += [f"| {f.number} | {f.severity.value} | {_where(report, f)} | {cell(f.title)} "
                 f"| {f.status.value} |" for f in findings]
        return [*rows, ""]
    rows = ["| # | Severity | Location | Issue |", "|---|---|---|---|"]
    rows += [f"| {f.number} | {f.severity.value} | {_where(report, f)} | {cell(f.title)} |"
             for f in findings]
    return [*rows, ""]


def _finding_tables(report: Report) -> list[str]:
    if not report.findings:
        return []
    names = [r.name for r in report.audit.reviewers]
    if len(names) <= 1:
        return ["## Findings", "", *_table(report, list(report.findings))]
    lines: list[str] = []
    agreed = [f for f in report.findings if f.agreement is Agreement.ALL]
    if agreed:
        lines += ["## Found by all reviewers", "", *_table(report, agreed)]
    for name in names:
        only = [f for f in report.findings if f.reviewers == (name,)]
        if only:
            lines += [f"## Only {name}", "", *_table(report, only)]
    return lines


def _disagreements(report: Report) -> list[str]:
    split = [f for f in report.findings if len({v.severity for v in f.severity_votes}) > 1]
    if not split:
        return []
    lines = ["## Severity disagreements (resolved)", "",
             "| # | Location | Issue | Votes | Resolved | Reason |", "|---|---|---|---|---|---|"]
    for f in split:
        votes = ", ".join(f"{v.reviewer}: {v.severity.value}" for v in f.severity_votes)
        lines.append(f"| {f.number} | {_where(report, f)} | {cell(f.title)} | {votes} "
                     f"| {f.severity.value} | {cell(f.resolution)} |")
    return [*lines, ""]


def _details(report: Report) -> list[str]:
    if not report.findings:
        return []
    lines = ["## Findings in detail", ""]
    for f in report.findings:
        lines += [f"### #{f.number} {f.title}", "",
                  f"- **Location:** {_where(report, f)}"
                  + (f" in `{f.location.function}`" if f.location.function else ""),
                  f"- **Severity:** {f.severity.value}"
                  + (f" ({f.resolution})" if f.resolution else ""),
                  f"- **Category:** {f.category.value}",
                  f"- **Reviewers:** {', '.join(f.reviewers)} ({f.agreement.value})",
                  f"- **Fingerprint:** `{f.fingerprint}`"]
        if f.status.value != "new":
            lines.append(f"- **Status:** {f.status.value}")
        lines += ["", f"**Problem.** {f.problem}", "", f"**Fix.** {f.fix}", ""]
        facts = [("Impact", f.impact), ("Effort", f.effort), ("Risk", f.risk),
                 ("How to test", f.testing)]
        lines += [f"- *{name}:* {value}" for name, value in facts if value]
        lines += [f"- *Evidence ({e.kind}):* {e.summary}" for e in f.evidence]
        if f.location.snippet:
            lines += ["", "```", f.location.snippet.rstrip(), "```"]
        lines.append("")
    return lines


def _method(report: Report) -> list[str]:
    audit = report.audit
    lines = ["## How this audit was made", "",
             "| Reviewer | Model | Files | Findings | Rejected | Errors | Seconds | Tokens in/out "
             "| Cost |", "|---|---|---|---|---|---|---|---|---|"]
    for r in audit.reviewers:
        state = "" if r.available else " (not available)"
        lines.append(f"| {r.name}{state} | {r.model or '—'} | {r.files_reviewed} | {r.findings} "
                     f"| {r.rejected} | {r.errors} | {r.duration_s:.2f} "
                     f"| {r.tokens_in}/{r.tokens_out} | ${r.cost_usd:.2f} |")
    lines.append("")
    if audit.skipped:
        skips = ", ".join(f"{reason}: {count}" for reason, count in audit.skipped.items())
        lines += [f"Files skipped — {skips}.", ""]
    if audit.diagnostics:
        lines += ["Problems met during the run:", ""]
        lines += [f"- {d.source} · {d.kind}"
                  + (f" · `{d.path}{':' + str(d.line) if d.line else ''}`" if d.path else "")
                  + f" — {cell(d.message)}" for d in audit.diagnostics[:50]]
        if len(audit.diagnostics) > 50:
            lines.append(f"- … and {len(audit.diagnostics) - 50} more (see findings.json)")
        lines.append("")
    lines.append(f"perfaudit {audit.tool_version}, audit `{audit.id}`, "
                 f"{audit.started} → {audit.finished}.")
    return [*lines, ""]


SECTIONS: tuple[Section, ...] = (
    _title, _last_validated, _summary, md_track.baseline, _finding_tables, _disagreements,
    md_plan.actions, md_plan.implementation_plan, _details, md_track.triage, _method,
)


def render(report: Report) -> str:
    """The whole Markdown report."""
    lines: list[str] = []
    for section in SECTIONS:
        lines += section(report)
    return "\n".join(lines).rstrip() + "\n"
