"""Markdown report (DESIGN §9), fit to paste into a GitHub issue (pure)."""

from __future__ import annotations

from collections.abc import Callable

from perfaudit.model import Report, ReviewerRun
from perfaudit.render import md_method, md_panel, md_plan, md_track, md_verify
from perfaudit.render._text import inline
from perfaudit.wording import plural

Section = Callable[[Report], list[str]]


def _reviewer_label(run: ReviewerRun, found: int) -> str:
    name = f"{run.name} ({run.model})" if run.model else run.name
    return f"{name}: {found}"


def _title(report: Report) -> list[str]:
    audit = report.audit
    name = audit.target.rstrip("/").rsplit("/", 1)[-1]
    commit = f"`{audit.commit[:12]}`" if audit.commit else "no commit"
    reviewers = ", ".join(
        _reviewer_label(r, sum(1 for f in report.findings if r.name in f.reviewers))
        for r in audit.reviewers) or "none"
    versions = ", ".join(f"{lang} {ver}" for lang, ver in sorted(audit.language_versions.items()))
    line = (f"Target **{name}** at {commit} · {audit.started[:10]} · reviewers: {reviewers} · "
            f"{plural(audit.files_scanned, 'file')}, {plural(audit.lines_scanned, 'line')}")
    if versions:
        line += f" · {versions}"
    return [f"# Performance audit: {name}", "", line, ""]


def _last_validated(report: Report) -> list[str]:
    rv = report.audit.revalidation
    if rv is None:
        return []
    then = report.audit
    at = f" at `{rv.commit[:12]}`" if rv.commit else ""
    was = f" of `{then.commit[:12]}`" if then.commit else ""
    return [f"**Last validated: {rv.validated_at[:10]}{at}** — {rv.still_present} still present, "
            f"{rv.partial} partial, {rv.fixed} fixed, {rv.unknown} unknown, {rv.new} new "
            f"(audit `{rv.audit_id}`{was}, {then.started[:10]})", ""]


def _incomplete(report: Report) -> list[str]:
    """A warning right under the title: what the run was asked to do and did not."""
    reasons = report.audit.incomplete_reasons
    if report.audit.complete or not reasons:
        return []
    lines = ["> [!WARNING]", "> **Incomplete audit.** Part of what was asked was not done, so the "
             "findings below may be missing some:"]
    lines += [f"> - {inline(reason)}" for reason in reasons]
    return [*lines, ""]


SECTIONS: tuple[Section, ...] = (
    _title, _incomplete, _last_validated, md_panel.summary, md_track.baseline, md_panel.finding_tables,
    md_panel.disagreements, md_plan.actions, md_plan.implementation_plan, md_panel.details,
    md_panel.leads, md_panel.left_out,
    md_verify.baseline, md_verify.hottest, md_track.triage, md_method.method,
)


def render(report: Report) -> str:
    """The whole Markdown report."""
    lines: list[str] = []
    for section in SECTIONS:
        lines += section(report)
    return "\n".join(lines).rstrip() + "\n"
