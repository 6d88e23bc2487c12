"""``perfaudit audit PATH``: run the panel, write the reports, print a summary."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
from rich.markup import escape

from perfaudit import gitinfo
from perfaudit.cli import _console
from perfaudit.cli._names import check_selection
from perfaudit.cli._reports import split_values, with_excerpts, write_reports
from perfaudit.config import Config, key_env, load_config, with_overrides
from perfaudit.errors import EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_OK, UsageError
from perfaudit.model import ConsolidatedFinding, Report, Severity, SourceFile, Tier
from perfaudit.pipeline import Focus, resolve_root, run_audit
from perfaudit.render import FORMATS
from perfaudit.wording import plural


def _check_formats(config: Config) -> None:
    bad = sorted(set(config.formats) - set(FORMATS))
    if bad:
        raise UsageError(f"unknown format: {', '.join(bad)} (choose from {', '.join(FORMATS)})")


SHOWN = 10
"""How many findings the summary lists; the reports have the rest."""


def finding_lines(findings: list[ConsolidatedFinding]) -> list[str]:
    """One line per finding (the first SHOWN): number, severity, place, rule id and title,
    columns aligned and nothing cut, so a rule id can be copied into ``--ignore``."""
    shown = findings[:SHOWN]
    places = [f"{f.location.path}:{f.location.start_line}" for f in shown]
    rules = [f.rule or "—" for f in shown]
    place_width = max(map(len, places), default=0)
    rule_width = max(map(len, rules), default=0)
    lines = [f"  #{f.number:<3} {f.severity.value}  {place:<{place_width}}  "
             f"{rule:<{rule_width}}  {f.title}"
             for f, place, rule in zip(shown, places, rules, strict=True)]
    if len(findings) > SHOWN:
        lines.append(f"  … {len(findings) - SHOWN} more in the report")
    return lines


def _print_counts(report: Report, findings: list[ConsolidatedFinding]) -> None:
    audit, out = report.audit, _console.stdout
    counts = Counter(f.severity for f in findings)
    by_sev = "  ".join(f"{s.value}: {counts.get(s, 0)}" for s in Severity)
    ran = ", ".join(r.name for r in audit.reviewers if r.available) or "no reviewer"
    out.print(f"[bold]perfaudit[/] audited {plural(audit.files_scanned, 'file')} "
              f"({plural(audit.lines_scanned, 'line')}) with {escape(ran)}")
    out.print(f"{plural(len(findings), 'finding')} — {by_sev}", markup=False)
    for line in finding_lines(findings):
        out.print(line, markup=False)
    leads = sum(1 for f in report.findings if f.tier is Tier.LEAD)
    left_out = audit.cold_matches + audit.unproven_matches
    if leads or left_out:
        hidden = "" if audit.cold_shown or not left_out else " (--all shows them)"
        out.print(f"{plural(leads, 'lead')} (periodic, or heat unknown); left out: "
                  f"{audit.cold_matches} cold, {audit.unproven_matches} unproven{hidden}",
                  markup=False)


def _print_run(report: Report) -> None:
    audit, out = report.audit, _console.stdout
    for run in audit.reviewers:
        if run.cache_hits or run.cache_misses:
            out.print(f"Cache: {plural(run.cache_hits, 'unchanged file')} from the cache, "
                      f"{run.cache_misses} reviewed afresh", markup=False)
    if audit.skipped:
        parts = ", ".join(f"{reason} {count}" for reason, count in audit.skipped.items())
        out.print(f"Skipped {plural(sum(audit.skipped.values()), 'file')}: {parts}", markup=False)
    for name in (r.name for r in audit.reviewers if not r.available):
        out.print(f"Reviewer {name} was not available; the audit went on without it.",
                  markup=False)
    if audit.diagnostics:
        kinds = Counter(d.kind for d in audit.diagnostics)
        out.print("Problems: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
                  markup=False)
    if not audit.complete:
        out.print("Incomplete audit (exit 4 unless --allow-incomplete): "
                  + "; ".join(audit.incomplete_reasons), markup=False, style="bold red")
    for run in audit.reviewers:
        if run.tokens_in or run.tokens_out or run.rejected:
            out.print(f"{run.name}: {plural(run.tokens_in, 'token')} in, "
                      f"{run.tokens_out:,} out, ${run.cost_usd:.4f}, "
                      f"{plural(run.rejected, 'finding')} rejected", markup=False)


def _print_summary(report: Report, written: list[Path]) -> None:
    _print_counts(report, [f for f in report.findings if f.tier is Tier.FINDING])
    _print_run(report)
    for path in written:
        _console.stdout.print(f"Wrote {path}", markup=False)


def _with_credentials(config: Config) -> Config:
    """Pass the API keys the panel's LLM reviewers need, read here and nowhere else."""
    names = {env for name in config.reviewers if (env := key_env(config, name))}
    found = {env: os.environ[env] for env in sorted(names) if os.environ.get(env)}
    return with_overrides(config, credentials=found) if found else config


def _print_dry_run(report: Report) -> None:
    out = _console.stdout
    out.print("Dry run: nothing was sent.", markup=False)
    for diagnostic in report.audit.diagnostics:
        if diagnostic.kind == "secret-redacted":
            out.print(f"  {diagnostic.source}: {diagnostic.path}: {diagnostic.message}", markup=False)
        elif diagnostic.kind in {"dry-run", "llm-unavailable"}:
            out.print(f"  {diagnostic.source}: {diagnostic.message}", markup=False)


def exit_code(report: Report, fail_on: Severity | None, allow_incomplete: bool = False) -> int:
    """4 when the audit is incomplete (unless allowed), 1 when a finding is at or above
    ``fail_on``, else 0. Incomplete comes first: a partial list of findings proves nothing."""
    if not report.audit.complete and not allow_incomplete:
        return EXIT_INCOMPLETE
    if fail_on is None:
        return EXIT_OK
    hit = any(f.severity.rank <= fail_on.rank for f in report.findings if f.tier is Tier.FINDING)
    return EXIT_FINDINGS if hit else EXIT_OK


def _target(paths: tuple[str, ...], changed_since: str | None) -> tuple[Path, Focus | None]:
    """The audit's root and, when only some files are asked for, its focus.

    One directory (default ``.``) is the root. Files (what pre-commit passes) are audited
    within their git work tree (else their common directory), with heat from their packages.
    ``--changed-since REV`` narrows a directory's audit to the files changed since ``REV``.
    """
    given = [Path(p).expanduser() for p in paths] or [Path(".")]
    for path in given:
        if not path.exists():
            raise UsageError(f"no such path: {path}")
    if all(path.is_dir() for path in given) and len(given) == 1:
        root = resolve_root(str(given[0]))
        if changed_since is None:
            return root, None
        changed = gitinfo.changed_since(root, changed_since)
        if changed is None:
            raise UsageError(f"not a revision of the repository at {root}: {changed_since}")
        return root, Focus(frozenset(changed))
    if changed_since is not None or any(path.is_dir() for path in given):
        raise UsageError("give one directory, or files (not both, and not --changed-since "
                         "with files)")
    files = [path.resolve() for path in given]
    common = Path(os.path.commonpath([f.parent for f in files]))
    root = gitinfo.toplevel(common) or common
    return root, Focus(frozenset(f.relative_to(root).as_posix() for f in files),
                       packages_only=True)


@click.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", help="Directory for the reports [default: PATH/.perfaudit/audits/ID].")
@click.option("-f", "--format", "formats", multiple=True,
              help="Report formats, comma-separated: md, json, sarif, html [default: md, json, sarif].")
@click.option("--fail-on", type=click.Choice([s.value for s in Severity]),
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--include-tests/--no-include-tests", default=None, help="Review test files too.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), help="Worker processes (0: all cores).")
@click.option("--select", multiple=True, help="Only these rules, categories or languages.")
@click.option("--ignore", multiple=True, help="Leave out these rules, categories or languages.")
@click.option("--reviewer", "reviewers", multiple=True, help="Reviewer to run (repeatable).")
@click.option("--preview/--no-preview", default=None, help="Also run preview rules.")
@click.option("--all", "show_all", is_flag=True, default=None,
              help="Also report matches in code that runs once or never in production (cold).")
@click.option("--max-file-bytes", type=click.IntRange(min=1), help="Skip larger files.")
@click.option("--max-cost", type=click.FloatRange(min=0),
              help="Send no LLM request that could take the cost past this many US dollars.")
@click.option("--dry-run", is_flag=True, default=None,
              help="Show the LLM batches, estimated tokens and cost; send nothing.")
@click.option("--severity-policy", type=click.Choice(["max", "majority", "evidence"]),
              help="How disagreeing severities are resolved [default: evidence].")
@click.option("--config", "config_file", type=click.Path(path_type=Path),
              help="Config file (TOML) instead of perfaudit.toml / pyproject.toml.")
@click.option("--baseline", help="Report only findings new since this audit id or findings.json.")
@click.option("--new-from-rev", help="Report only findings new since the merge-base of REV and HEAD.")
@click.option("--changed-since", metavar="REV",
              help="Report only on files changed since REV (committed or not, and new files).")
@click.option("--cache/--no-cache", default=None,
              help="Reuse results of unchanged files from .perfaudit/cache.db [default: on].")
@click.option("--history/--no-history", "keep_history", default=True,
              help="Save the audit to the history database [default: on].")
@click.option("--allow-incomplete", is_flag=True,
              help="Exit as if complete when a reviewer, rule or file failed (default: exit 4).")
def audit(paths: tuple[str, ...], config_file: Path | None, baseline: str | None,
          new_from_rev: str | None, *, changed_since: str | None, keep_history: bool,
          allow_incomplete: bool, **flags: Any) -> None:
    """Audit the repository at PATH (default: .), or only the FILES given, for performance
    problems."""
    from perfaudit.cli import track_cmd
    from perfaudit.track.service import finish_audit, prepare_baseline, save

    if baseline and new_from_rev:
        raise UsageError("--baseline and --new-from-rev exclude each other")
    root, focus = _target(paths, changed_since)
    overrides = {**flags, "formats": split_values(flags["formats"]), "select": split_values(flags["select"]),
                 "ignore": split_values(flags["ignore"]), "reviewers": split_values(flags["reviewers"])}
    config = _with_credentials(load_config(root, config_file, overrides))
    check_selection(config, overrides, root, config_file)
    _check_formats(config)
    with _console.progress_hooks(_console.interactive()) as hooks:
        known = prepare_baseline(root, config, hooks, baseline=baseline, new_from_rev=new_from_rev,
                                 keep_history=keep_history and not config.dry_run)
        reviewed: list[SourceFile] = []
        whole = run_audit(root, config, replace(hooks, on_discovered=reviewed.extend), focus)
        report = finish_audit(whole, root, hooks.clock().date(), known)
    if config.dry_run:
        _print_dry_run(report)
        raise click.exceptions.Exit(EXIT_OK)
    out_dir = Path(config.output) if config.output else root / ".perfaudit" / "audits" / report.audit.id
    written = write_reports(with_excerpts(report, root), out_dir, config.formats)
    # history holds whole audits: one of a few files, or one narrowed to what is new since a
    # baseline, would make the rest look fixed to re-validation and triage
    unfiltered = report if known is None else finish_audit(whole, root, hooks.clock().date(), None)
    warning = (save(unfiltered, root, config, files=reviewed)
               if keep_history and focus is None else None)
    _print_summary(report, written)
    track_cmd.print_tracking(report, warning)
    raise click.exceptions.Exit(exit_code(report, config.fail_on, allow_incomplete))


COMMANDS = (audit,)
