"""What the panel agreed on, shared by the Markdown and HTML reports (pure)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from perfaudit.model import Agreement, ConsolidatedFinding, Report, ReviewerRun, Severity, Tier
from perfaudit.wording import plural


def reported(report: Report) -> list[ConsolidatedFinding]:
    """The findings proper: matches in code with evidence that it runs often."""
    return [f for f in report.findings if f.tier is Tier.FINDING]


def leads(report: Report) -> list[ConsolidatedFinding]:
    """Matches in periodic code or of unknown heat: worth a look, never a failed build."""
    return [f for f in report.findings if f.tier is Tier.LEAD]


def left_out(report: Report) -> list[ConsolidatedFinding]:
    """Matches not reported, cold or unproven (in ``findings`` only with ``--all``)."""
    return [f for f in report.findings if not f.tier.reported]


_COLD = ("cold (code that runs once or never in production: start-up, tools, examples, "
         "test support, tiny loops)")
_UNPROVEN = "unproven (a per-run cost in code with no evidence that it runs often)"


def left_out_sentence(report: Report) -> str:
    """How many matches were left out as cold or unproven, and how to see them."""
    cold, unproven = report.audit.cold_matches, report.audit.unproven_matches
    if not cold and not unproven:
        return f"No match was left out as {_COLD} or {_UNPROVEN}."
    parts = [f"{cold} as {_COLD}" if cold else "", f"{unproven} as {_UNPROVEN}" if unproven else ""]
    what = plural(cold + unproven, "match was", "matches were")
    one = cold + unproven == 1
    listed = "it is listed last" if one else "they are listed last"
    shown = listed if report.audit.cold_shown else f"`--all` shows {'it' if one else 'them'}"
    return f"{what} left out: {' and '.join(p for p in parts if p)}; {shown}."


def panel_names(report: Report) -> list[str]:
    """Names of the reviewers that ran (available ones), in panel order."""
    return list(dict.fromkeys(r.name for r in report.audit.reviewers if r.available))


def is_panel(report: Report) -> bool:
    """Whether more than one reviewer ran, so agreement is worth reporting."""
    return len(panel_names(report)) > 1


def found_by_all(report: Report) -> list[ConsolidatedFinding]:
    """Findings every reviewer that saw the file reported (at least two reviewers)."""
    return [f for f in reported(report) if f.agreement is Agreement.ALL]


def found_by_some(report: Report) -> list[ConsolidatedFinding]:
    """Findings several, but not all, reviewers that saw the file reported."""
    return [f for f in reported(report) if f.agreement is Agreement.MAJORITY]


def unique_to(report: Report, name: str) -> list[ConsolidatedFinding]:
    """Findings only ``name`` reported."""
    return [f for f in reported(report) if f.reviewers == (name,)]


def is_disagreement(finding: ConsolidatedFinding) -> bool:
    """Whether the reviewers gave the finding different severities."""
    return len({v.severity for v in finding.severity_votes}) > 1


def disagreements(report: Report) -> list[ConsolidatedFinding]:
    """Findings whose severity votes differ."""
    return [f for f in reported(report) if is_disagreement(f)]


def summary_sentence(report: Report) -> str:
    """One sentence: unique findings, categories, agreement and disagreements."""
    findings = reported(report)
    categories = len({f.category for f in findings})
    head = (f"{plural(len(findings), 'unique finding')} across "
            f"{plural(categories, 'category', 'categories')}")
    if not is_panel(report):
        return head + "."
    parts = [f"{len(found_by_all(report))} found by all reviewers"]
    some = found_by_some(report)
    if some:
        parts.append(f"{len(some)} by some reviewers")
    parts += [f"{len(unique_to(report, name))} only by {name}" for name in panel_names(report)]
    split = len(disagreements(report))
    return f"{head}; {', '.join(parts)}; {plural(split, 'severity disagreement')}."


def severity_counts(report: Report) -> str:
    """``P0: 1 · P1: 3 · P2: 4``."""
    counts = Counter(f.severity for f in reported(report))
    return " · ".join(f"{s.value}: {counts.get(s, 0)}" for s in Severity)


@dataclass(frozen=True, slots=True, kw_only=True)
class Coverage:
    """How much of the target one reviewer looked at."""

    run: ReviewerRun
    not_reviewed: int


def coverage(report: Report) -> list[Coverage]:
    """Per reviewer: the run and how many discovered files it did not review."""
    total = report.audit.files_scanned
    return [Coverage(run=r, not_reviewed=max(total - r.files_reviewed, 0))
            for r in report.audit.reviewers]


def votes_text(finding: ConsolidatedFinding) -> str:
    """``rules: P1, openai:gpt: P2``."""
    return ", ".join(f"{v.reviewer}: {v.severity.value}" for v in finding.severity_votes)


def by_number(report: Report) -> dict[int, ConsolidatedFinding]:
    """Findings keyed by their report number."""
    return {f.number: f for f in report.findings}
