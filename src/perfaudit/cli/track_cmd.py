"""``perfaudit history``, ``revalidate`` and ``triage``: findings over time."""

from __future__ import annotations

import json
import os
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import click

from perfaudit import gitinfo
from perfaudit.cli import _console
from perfaudit.cli._reports import split_values, with_excerpts, write_reports
from perfaudit.config import load_config
from perfaudit.errors import UsageError
from perfaudit.model import Report, Revalidation, Severity, Triage, TriageState, TriageStatus
from perfaudit.pipeline import resolve_root
from perfaudit.render import FORMATS
from perfaudit.store import history
from perfaudit.track import service, triage
from perfaudit.wording import plural


def print_tracking(report: Report, warning: str | None) -> None:
    """Summary lines about baseline, triage and history for ``audit``."""
    out = _console.stdout
    audit = report.audit
    if audit.baseline is not None:
        out.print(f"{plural(audit.hidden_by_baseline, 'finding')} hidden by the baseline "
                  f"({audit.baseline})", markup=False)
    states = Counter(t.state for t in report.triage)
    if report.triage:
        out.print(f"Triage: {plural(len(report.triaged), 'finding')} hidden, "
                  f"{states[TriageState.EXPIRED]} expired, {states[TriageState.UNMATCHED]} unmatched",
                  markup=False)
    if warning:
        _console.error(warning)


def _validated(rv: Revalidation | None) -> dict[str, object] | None:
    if rv is None:
        return None
    return {"date": rv.validated_at, "still_present": rv.still_present, "partial": rv.partial,
            "fixed": rv.fixed, "unknown": rv.unknown}


@click.command("history")
@click.argument("path", default=".")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Config file (TOML).")
def history_command(path: str, fmt: str, config_file: Path | None) -> None:
    """List the stored audits of PATH, newest first."""
    root = resolve_root(path)
    config = load_config(root, config_file, {})
    rows: list[history.AuditRow] = []
    if service.has_store(root, config):
        conn = service.store_for(root, config)
        try:
            rows = history.list_audits(conn, str(root))
        finally:
            conn.close()
    out = _console.stdout
    if fmt == "json":
        doc = [{"id": r.id, "date": r.started, "commit": r.commit, "reviewers": list(r.reviewers),
                "counts": r.counts, "hidden_by_baseline": r.hidden_by_baseline,
                "triaged": r.triaged, "last_validated": _validated(r.last_validated)}
               for r in rows]
        out.print(json.dumps(doc, indent=2), markup=False)
        return
    if not rows:
        out.print(f"No stored audits of {root}.", markup=False)
        return
    for r in rows:
        counts = "  ".join(f"{sev}: {n}" for sev, n in r.counts.items())
        commit = (r.commit or "no commit")[:12]
        line = f"{r.id}  {r.started}  {commit:<12}  {','.join(r.reviewers):<16}  {counts}"
        if (rv := r.last_validated) is not None:
            line += (f"  (validated {rv.validated_at[:10]}: {rv.still_present} still present, "
                     f"{rv.partial} partial, {rv.fixed} fixed, {rv.unknown} unknown)")
        out.print(line, markup=False)


@click.command()
@click.argument("path", default=".")
@click.option("--audit", "audit_id", help="Stored audit to re-validate [default: the latest].")
@click.option("-o", "--output", help="Directory for the reports "
              "[default: PATH/.perfaudit/revalidations/ID].")
@click.option("-f", "--format", "formats", multiple=True,
              help="Report formats, comma-separated: md, json, sarif [default: all].")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Config file (TOML).")
@click.option("--sarif", "newer_sarif", multiple=True, metavar="NAME=PATH",
              help="A newer SARIF log for the imported reviewer NAME (repeatable).")
def revalidate(path: str, audit_id: str | None, output: str | None, formats: tuple[str, ...],
               *, config_file: Path | None, newer_sarif: tuple[str, ...]) -> None:
    """Check which findings of an earlier audit are still present in PATH."""
    root = resolve_root(path)
    sarif = _newer_logs(newer_sarif)
    config = load_config(root, config_file, {"formats": split_values(formats)})
    bad = sorted(set(config.formats) - set(FORMATS))
    if bad:
        raise UsageError(f"unknown format: {', '.join(bad)} (choose from {', '.join(FORMATS)})")
    with _console.progress_hooks(_console.interactive()) as hooks:
        report = service.run_revalidation(root, config, audit_id, hooks, sarif)
    rv = report.audit.revalidation
    assert rv is not None
    out_dir = Path(output) if output else root / ".perfaudit" / "revalidations" / rv.audit_id
    written = write_reports(with_excerpts(report, root), out_dir, config.formats)
    warning = service.save_revalidation(report, root, config)
    out = _console.stdout
    then = report.audit
    out.print(f"Audit {rv.audit_id} of {(then.commit or 'an unknown commit')[:12]} "
              f"({then.started[:10]}), re-validated at {(rv.commit or 'the work tree')[:12]} "
              f"({rv.validated_at[:10]}): {rv.still_present} still present, {rv.partial} partial, "
              f"{rv.fixed} fixed, {rv.unknown} unknown, {rv.new} new", markup=False)
    for finding in report.findings:
        loc = finding.location
        out.print(f"  {finding.status.value:<13} {finding.fingerprint}  {loc.path}:{loc.start_line}  "
                  f"{finding.title}", markup=False)
        if finding.status_reason:
            out.print(f"                {finding.status_reason}", markup=False)
    for written_path in written:
        out.print(f"Wrote {written_path}", markup=False)
    if warning:
        _console.error(warning)


def _newer_logs(values: tuple[str, ...]) -> dict[str, str]:
    """``NAME=PATH`` pairs as reviewer name -> absolute path; a usage error for anything else."""
    logs = {}
    for value in values:
        name, sep, where = value.partition("=")
        if not sep or not name.strip() or not where.strip():
            raise UsageError(f"--sarif takes NAME=PATH (the reviewer's name in the audit): {value}")
        log = Path(where.strip()).expanduser()
        if not log.is_file():
            raise UsageError(f"no such file: {where.strip()}")
        logs[name.strip()] = str(log.resolve())
    return logs


def _describe(root: Path, fingerprint: str) -> tuple[str | None, str | None, str]:
    """Rule, path and title of ``fingerprint`` in the latest stored audit, when known."""
    try:
        config = load_config(root, None, {})
        if not service.has_store(root, config):
            return None, None, ""
        conn = service.store_for(root, config)
    except UsageError:
        return None, None, ""
    try:
        for row in history.list_audits(conn, str(root))[:1]:
            report = history.load_report(conn, row.id)
            for f in (*report.findings, *report.triaged) if report else ():
                if f.fingerprint == fingerprint:
                    return f.rule, f.location.path, f.title
    finally:
        conn.close()
    return None, None, ""


@click.command("triage")
@click.argument("fingerprint")
@click.argument("path", default=".")
@click.option("--status", required=True, type=click.Choice([s.value for s in TriageStatus]),
              help="The decision.")
@click.option("--reason", required=True, help="Why (kept in the file and shown in reports).")
@click.option("--until", help="Date (YYYY-MM-DD) after which the decision stops applying.")
@click.option("--severity", type=click.Choice([s.value for s in Severity]),
              help="With --status adjudicated: the severity the finding keeps from now on.")
@click.option("--author", help="Who decided [default: git config user.name].")
def triage_command(fingerprint: str, path: str, status: str, reason: str, *,
                   until: str | None, severity: str | None, author: str | None) -> None:
    """Record a triage decision for FINGERPRINT in PATH/.perfaudit/triage.toml."""
    root = resolve_root(path)
    if not triage.FINGERPRINT.match(fingerprint):
        raise UsageError(f"not a finding fingerprint (16 hex digits): {fingerprint}")
    rule, where, title = _describe(root, fingerprint)
    written = triage.record(root, Triage(
        fingerprint=fingerprint, status=TriageStatus(status), reason=reason, until=until,
        rule=rule, path=where, title=title, severity=Severity(severity) if severity else None,
        author=(author or gitinfo.user_name(root) or os.environ.get("USER", ""))))
    out = _console.stdout
    if where is None:
        out.print(f"Note: {fingerprint} is not in the latest stored audit of {root}.", markup=False)
    out.print(f"Wrote {written} ({status}, recorded {datetime.now(UTC):%Y-%m-%d})", markup=False)


COMMANDS = (history_command, revalidate, triage_command)
