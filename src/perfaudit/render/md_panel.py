"""Markdown sections about the panel: summary, agreement, unique findings, disagreements (pure)."""

from __future__ import annotations

import re

from perfaudit.model import ConsolidatedFinding, Report
from perfaudit.render import panel
from perfaudit.render._text import cell, code, inline, source_link, span
from perfaudit.wording import plural


def where(report: Report, finding: ConsolidatedFinding) -> str:
    """The finding's location as inline code, linked when the repository URL is known."""
    text = code(span(finding.location))
    link = source_link(report.audit, finding.location)
    return f"[{text}]({link})" if link else text


AGREEMENT_NOTE = "*Agreement is counted over the reviewers that reviewed each file.*"


def fence_for(text: str) -> str:
    """A code fence longer than any run of backticks inside ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def summary(report: Report) -> list[str]:
    """Section 3: one sentence of counts, then the severity breakdown."""
    lines = ["## Summary", ""]
    if panel.reported(report):
        lines += [panel.summary_sentence(report), "",
                  f"By severity: {panel.severity_counts(report)}.", ""]
    leads = panel.leads(report)
    if not panel.reported(report):
        lines += ["No performance findings in code known to run often." if leads
                  else "No performance findings.", ""]
    if leads:
        lines += [f"{plural(len(leads), 'more match is a lead', 'more matches are leads')}: "
                  "their code runs periodically, or nothing shows how often it runs (see *Leads*).", ""]
    lines += [panel.left_out_sentence(report), ""]
    return lines


def table(report: Report, findings: list[ConsolidatedFinding]) -> list[str]:
    """``# | Severity | Location | Issue`` rows (plus ``Status`` in a re-validation)."""
    if report.audit.revalidation is not None:
        rows = ["| # | Severity | Location | Issue | Status | Why |", "|---|---|---|---|---|---|"]
        rows += [f"| {f.number} | {f.severity.value} | {where(report, f)} | {cell(f.title)} "
                 f"| {f.status.value} | {cell(f.status_reason)} |" for f in findings]
        return [*rows, ""]
    rows = ["| # | Severity | Location | Issue |", "|---|---|---|---|"]
    rows += [f"| {f.number} | {f.severity.value} | {where(report, f)} | {cell(f.title)} |"
             for f in findings]
    return [*rows, ""]


def finding_tables(report: Report) -> list[str]:
    """Sections 4 and 5: found by all reviewers, by some, then one table per reviewer's unique ones."""
    if not panel.reported(report):
        return []
    if not panel.is_panel(report):
        return ["## Findings", "", *table(report, panel.reported(report))]
    lines: list[str] = []
    agreed = panel.found_by_all(report)
    if agreed:
        lines += ["## Found by all reviewers", "", AGREEMENT_NOTE, "", *table(report, agreed)]
    some = panel.found_by_some(report)
    if some:
        lines += ["## Found by some reviewers", ""]
        lines += ["| # | Severity | Location | Issue | Reviewers |", "|---|---|---|---|---|"]
        lines += [f"| {f.number} | {f.severity.value} | {where(report, f)} | {cell(f.title)} "
                  f"| {', '.join(f.reviewers)} |" for f in some]
        lines.append("")
    for name in panel.panel_names(report):
        only = panel.unique_to(report, name)
        if only:
            lines += [f"## Only {name}", "", *table(report, only)]
    return lines


def disagreements(report: Report) -> list[str]:
    """Section 6: each split vote, every reviewer's severity and the resolution with its reason."""
    split = panel.disagreements(report)
    if not split:
        return []
    lines = ["## Severity disagreements (resolved)", "",
             "| # | Location | Issue | Votes | Resolved | Reason |", "|---|---|---|---|---|---|"]
    lines += [f"| {f.number} | {where(report, f)} | {cell(f.title)} | {panel.votes_text(f)} "
              f"| {f.severity.value} | {cell(f.resolution) or '—'} |" for f in split]
    return [*lines, ""]


def _facts(report: Report, f: ConsolidatedFinding) -> list[str]:
    in_function = f" in {code(f.location.function)}" if f.location.function else ""
    resolution = f" — {inline(f.resolution)}" if f.resolution else ""
    lines = [f"- **Location:** {where(report, f)}{in_function}",
             f"- **Severity:** {f.severity.value}{resolution}",
             f"- **Category:** {f.category.value}"
             + (f" · rule `{f.rule}`" if f.rule else ""),
             f"- **Reviewers:** {', '.join(f.reviewers)} ({f.agreement.value})"]
    if len(f.severity_votes) > 1:
        lines.append(f"- **Votes:** {panel.votes_text(f)}")
    if f.heat:
        lines.append(f"- **Heat:** {inline(f.heat)}")
    lines.append(f"- **Fingerprint:** `{f.fingerprint}`")
    if f.status.value != "new" or f.status_reason:
        reason = f" — {cell(f.status_reason)}" if f.status_reason else ""
        lines.append(f"- **Status:** {f.status.value}{reason}")
    return lines


def details(report: Report) -> list[str]:
    """Section 8: every finding in full, with its reviewers and votes."""
    if not panel.reported(report):
        return []
    lines = ["## Findings in detail", ""]
    for f in panel.reported(report):
        lines += [f"### #{f.number} {inline(f.title)}", "", *_facts(report, f)]
        lines += ["", f"**Problem.** {inline(f.problem)}", "", f"**Fix.** {inline(f.fix)}"]
        facts = [("Impact", f.impact), ("Effort", f.effort), ("Risk", f.risk),
                 ("How to test", f.testing)]
        notes = [f"- *{name}:* {inline(value)}" for name, value in facts if value]
        notes += [f"- *Evidence ({inline(e.kind)}):* {inline(e.summary)}" for e in f.evidence
                  if e.kind != "heat"]
        notes += [f"- *{inline(m.reviewer)} saw it as:* {inline(m.title)}" for m in f.members
                  if m.title != f.title]
        if notes:
            lines += ["", *notes]
        if f.location.snippet:
            fence = fence_for(f.location.snippet)
            lines += ["", fence, f.location.snippet.rstrip(), fence]
        lines.append("")
    return lines


def _match_table(report: Report, matches: list[ConsolidatedFinding]) -> list[str]:
    rows = ["| # | Location | Issue | Rule | Heat |", "|---|---|---|---|---|"]
    rows += [f"| {f.number} | {where(report, f)} | {cell(f.title)} | {code(f.rule or '—')} "
             f"| {cell(f.heat) or '—'} |" for f in matches]
    return [*rows, ""]


def _section(report: Report, found: list[ConsolidatedFinding], heading: str,
             why: str) -> list[str]:
    """A heading, why these matches are apart, and their table ([] when there are none)."""
    return [heading, "", f"*{why}*", "", *_match_table(report, found)] if found else []


def leads(report: Report) -> list[str]:
    """Matches in periodic code or of unknown heat: one table, to confirm with a profile."""
    return _section(report, panel.leads(report), "## Leads",
                    "The pattern is there, but its code runs only periodically or nothing shows "
                    "how often it runs. Confirm with a profile (`perfaudit profile`) before "
                    "fixing; leads never fail a build.")


def left_out(report: Report) -> list[str]:
    """Cold and unproven matches, listed only when asked for (``--all``)."""
    return _section(report, panel.left_out(report),
                    "## Left out: cold and unproven matches (`--all`)",
                    "Code that runs once or never in production, or a per-run cost in code with "
                    "no evidence that it runs often: not worth a performance note as it stands.")
