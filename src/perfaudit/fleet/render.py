"""The fleet report as Markdown and as JSON (pure)."""

from __future__ import annotations

from perfaudit import codec
from perfaudit.fleet.summary import FleetReport, RepoResult, RepoStatus
from perfaudit.render._text import cell, code_cell
from perfaudit.wording import plural

FILES = {"md": "fleet.md", "json": "fleet.json"}
"""Format -> the file ``perfaudit fleet`` writes it to."""
TOP = 10


def to_json(report: FleetReport) -> str:
    """``fleet.json``: the whole report."""
    return codec.dumps(report, indent=2) + "\n"


def from_json(text: str | bytes) -> FleetReport:
    """A fleet report back from ``fleet.json``, validated."""
    return codec.adapter(FleetReport).validate_json(text)


def headline(report: FleetReport) -> str:
    """One line: how many repositories, by status, and the findings they hold."""
    repos = report.repositories
    states = ", ".join(f"{sum(1 for r in repos if r.status is s)} {s.value}"
                       for s in RepoStatus if any(r.status is s for r in repos))
    totals = (f"P0: {sum(r.p0 for r in repos)}  P1: {sum(r.p1 for r in repos)}  "
              f"P2: {sum(r.p2 for r in repos)}")
    return f"{plural(len(repos), 'repository', 'repositories')} ({states}); findings {totals}"


def _repository_rows(repos: tuple[RepoResult, ...]) -> list[str]:
    rows = ["| Repository | Status | P0 | P1 | P2 | Leads | Commit | Audit |",
            "|---|---|--:|--:|--:|--:|---|---|"]
    for r in repos:
        counts = (f"{r.p0} | {r.p1} | {r.p2} | {r.leads}" if r.status is not RepoStatus.FAILED
                  else "– | – | – | –")
        rows.append(f"| {code_cell(r.name)} | {r.status.value} | {counts} | "
                    f"{code_cell((r.commit or '')[:12])} | {code_cell(r.audit_id or '')} |")
    return rows


def _most_p0_rows(report: FleetReport) -> list[str]:
    by_name = {r.name: r for r in report.repositories}
    rows = ["| Repository | P0 | P1 | P2 |", "|---|--:|--:|--:|"]
    for name in report.most_p0[:TOP]:
        r = by_name[name]
        rows.append(f"| {code_cell(name)} | {r.p0} | {r.p1} | {r.p2} |")
    return rows


def _rule_rows(report: FleetReport) -> list[str]:
    rows = ["| Rule | Findings | Repositories |", "|---|--:|--:|"]
    rows.extend(f"| {code_cell(t.rule)} | {t.findings} | {t.repositories} |"
                for t in report.rules[:TOP])
    return rows


def _problems(report: FleetReport) -> list[str]:
    lost = [r for r in report.repositories if r.status.lost]
    if not lost:
        return []
    lines = ["## Not fully audited", ""]
    lines.extend(f"- {code_cell(r.name)} ({r.status.value}): {cell(r.reason)}" for r in lost)
    return [*lines, ""]


def to_markdown(report: FleetReport) -> str:
    """``fleet.md``: the summary, the repositories, the most P0, the rules that fire most."""
    lines = [f"# Fleet audit {report.id}", "",
             f"{headline(report)}. Counts are findings; leads are counted apart.", "",
             f"Started {report.started}, finished {report.finished}, perfaudit "
             f"{report.tool_version}. History database: {code_cell(report.database)}.", ""]
    if not report.complete:
        lines += ["**Incomplete:** some repositories were not fully audited (below).", ""]
    lines += [*_problems(report), "## Repositories", "", *_repository_rows(report.repositories), ""]
    lines += ["## Most P0 findings", ""]
    lines += [*_most_p0_rows(report), ""] if report.most_p0 else ["No repository has a P0 finding.", ""]
    lines += ["## Rules that fire most", ""]
    lines += [*_rule_rows(report), ""] if report.rules else ["No rule fired.", ""]
    return "\n".join(lines)
