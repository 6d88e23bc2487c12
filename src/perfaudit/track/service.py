"""Tracking around an audit: triage, baseline and history on the way out; re-validation runs."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from perfaudit import gitinfo
from perfaudit.config import Config, plain_settings
from perfaudit.config_check import InvalidSettings, validated
from perfaudit.errors import PerfauditError, UsageError
from perfaudit.fingerprint import QUOTE_MIN, normalise_snippet
from perfaudit.model import Report, SourceFile
from perfaudit.pipeline import Hooks, review_panel
from perfaudit.reviewers import build_panel
from perfaudit.reviewers.base import Reviewer
from perfaudit.store import database_path, history, open_store
from perfaudit.store.db import ignore_outputs
from perfaudit.track.revalidate import CurrentState, quote_line, revalidate
from perfaudit.track.triage import adjudicate, apply_triage, read_triage

# settings that decide what an audit finds; re-validation reuses them
_REPLAYED = ("reviewers", "select", "ignore", "preview", "include_tests", "exclude",
             "max_file_bytes")


def settings_of(config: Config) -> dict[str, Any]:
    """The configuration as plain JSON values, as the history stores it."""
    return plain_settings(config)


def replay_config(config: Config, settings: dict[str, Any]) -> Config:
    """``config`` with the finding-relevant settings of an earlier audit."""
    known = {f.name for f in fields(Config)}
    merged = {**settings_of(config), **{k: v for k, v in settings.items()
                                        if k in _REPLAYED and k in known}}
    try:
        replayed = validated(Config, merged)
    except InvalidSettings:
        return config  # settings from an incompatible version: audit as configured now
    # credentials are never serialised with the settings; keep the ones given now
    return replace(replayed, credentials=config.credentials)


def store_for(root: Path, config: Config) -> sqlite3.Connection:
    """The history store of ``root`` (usage error when it cannot be opened)."""
    return open_store(database_path(root, config.database))


def with_triage(report: Report, root: Path, today: date) -> Report:
    """``report`` with ``root``'s triage decisions applied."""
    return apply_triage(report, read_triage(root), today)


def save(report: Report, root: Path, config: Config, files_root: Path | None = None,
         files: Sequence[SourceFile] = ()) -> str | None:
    """Save ``report`` and the digests of its ``files`` (and of every file with a finding) to the
    history of ``root``; a warning line when that fails, else None."""
    paths = {f.location.path for f in (*report.findings, *report.triaged)} | {f.path for f in files}
    try:
        conn = store_for(root, config)
        try:
            digests = history.file_digests(files_root or root, sorted(paths))
            history.save_audit(conn, report, settings_of(config), digests)
        finally:
            conn.close()
        ignore_outputs(root / ".perfaudit")
    except (PerfauditError, sqlite3.Error, OSError) as exc:
        return f"audit not saved to history: {exc}"
    return None


def save_revalidation(report: Report, root: Path, config: Config) -> str | None:
    """Record a re-validation in the history of ``root``; a warning line when that fails."""
    try:
        conn = store_for(root, config)
        try:
            history.save_revalidation(conn, report, gitinfo.head_commit(root))
        finally:
            conn.close()
    except (PerfauditError, sqlite3.Error, OSError) as exc:
        return f"re-validation not saved to history: {exc}"
    return None


def has_store(root: Path, config: Config) -> bool:
    """Whether ``root`` has a history database yet (reading must not create one)."""
    return database_path(root, config.database).is_file()


def _panel(names: Sequence[str], config: Config) -> list[Reviewer]:
    panel = []
    for name in names:
        try:
            panel.extend(build_panel([name], config))
        except UsageError:
            continue  # its findings cannot be re-checked: they stay unknown
    return panel


def rereviews_everything(reviewer: Reviewer) -> bool:
    """Whether a reviewer re-reviews every file (cheap ones) or only changed files (costly ones).

    A reviewer says so with a ``revalidate_all`` attribute; by default only ``rules`` does.
    """
    return bool(getattr(reviewer, "revalidate_all", reviewer.name == "rules"))


def current_state(root: Path, earlier: Report, config: Config, digests: dict[str, str],
                  hooks: Hooks, *, sarif: Mapping[str, str] | None = None) -> CurrentState:
    """Re-run the earlier audit's reviewers on the tree at ``root`` (an imported reviewer
    named in ``sarif`` from its newer log: name -> path)."""
    paths = {f.location.path for f in earlier.findings}
    present = frozenset(p for p in paths if (root / p).is_file())
    now = history.file_digests(root, sorted(present))
    changed = frozenset(p for p in present if digests.get(p) != now.get(p))
    newer = sarif or {}
    panel = _panel([f"sarif:{newer[r.name]}" if r.name in newer else r.name
                    for r in earlier.audit.reviewers], config)

    def files_for(reviewer: Reviewer, files: tuple[SourceFile, ...]) -> Sequence[SourceFile]:
        if rereviews_everything(reviewer):
            return files
        # a costly reviewer is asked again only about the changed files it had found
        # something in: what it said of unchanged files stands, and nothing else is asked
        asked = {f.location.path for f in earlier.findings if reviewer.name in f.reviewers}
        return [f for f in files if f.path in changed and f.path in asked]

    reviewed = review_panel(root, config, panel, hooks, files_for)
    unchanged = frozenset(f.path for f in reviewed.discovery.files if f.path not in changed)
    carried = {r.name: unchanged for r in panel if not rereviews_everything(r)}
    texts = {}
    for path in present:  # read once: the evidence of a fix, and where a quote still is
        try:
            texts[path] = (root / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
    whole = frozenset(r.name for r in panel if rereviews_everything(r)
                      and reviewed.coverage.get(r.name))
    # the earlier audit kept only what it reported: matches left out now are not "new"
    findings = tuple(f for f in reviewed.findings if f.tier.reported or earlier.audit.cold_shown)
    quotes = _quotes(earlier, texts)
    return CurrentState(findings=findings, reviewed=reviewed.coverage, carried=carried,
                        present=present, changed=changed, diagnostics=reviewed.diagnostics,
                        texts=texts, whole_tree=whole, commit=gitinfo.head_commit(root),
                        quotes=quotes, ran=frozenset(
                            r.run.name for r in reviewed.results if r.run.available and r.reviewed))


def _quotes(earlier: Report, texts: Mapping[str, str]) -> dict[str, int | None]:
    """Where each earlier finding's quoted code is in its file now (fingerprint -> line, or
    None when the file no longer holds it); what a reviewer that cannot re-run leaves."""
    found: dict[str, int | None] = {}
    lines = {path: text.splitlines() for path, text in texts.items()}
    for finding in earlier.findings:
        path, quote = finding.location.path, finding.location.snippet
        if path in lines and len(normalise_snippet(quote)) >= QUOTE_MIN:
            found[finding.fingerprint] = quote_line(lines[path], quote)
    return found


def run_revalidation(root: Path, config: Config, audit_id: str | None, hooks: Hooks,
                     sarif: Mapping[str, str] | None = None) -> Report:
    """Re-validate ``audit_id`` (default: the latest audit of ``root``) against the tree now;
    ``sarif`` names newer logs for imported reviewers (reviewer name -> path)."""
    if not has_store(root, config):
        raise UsageError(f"no stored audit of {root} (run `perfaudit audit` first)")
    conn = store_for(root, config)
    try:
        if audit_id is None:
            rows = history.list_audits(conn, str(root))
            if not rows:
                raise UsageError(f"no stored audit of {root} (run `perfaudit audit` first)")
            audit_id = rows[0].id
        earlier = history.load_report(conn, audit_id)
        if earlier is None:
            raise UsageError(f"no stored audit with id {audit_id}")
        settings = history.load_settings(conn, audit_id)
        digests = history.load_digests(conn, audit_id)
    finally:
        conn.close()
    replayed = replay_config(config, settings)
    state = current_state(root, earlier, replayed, digests, hooks, sarif=sarif)
    report = revalidate(earlier, state, hooks.clock().isoformat(timespec="seconds"))
    # the team's adjudications apply to what is shown, after matching on what was found
    return replace(report, findings=adjudicate(report.findings, read_triage(root),
                                               hooks.clock().date()))


def _stored_audit(root: Path, config: Config, commit: str) -> Report | None:
    try:
        conn = store_for(root, config)
    except PerfauditError:
        return None
    try:
        found = history.find_complete_audit(conn, str(root), commit, config.reviewers)
        return history.load_report(conn, found) if found else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def baseline_prints(root: Path, config: Config, spec: str) -> frozenset[str]:
    """Fingerprints of ``spec``: a findings.json file, else a stored audit id."""
    from perfaudit.track.baseline import known_prints, read_findings_json

    if Path(spec).is_file():
        return known_prints(read_findings_json(Path(spec)))
    conn = store_for(root, config)
    try:
        report = history.load_report(conn, spec)
    finally:
        conn.close()
    if report is None:
        raise UsageError(f"baseline {spec!r} is neither a findings.json file nor a stored audit id")
    return known_prints(report)


def revision_prints(root: Path, config: Config, rev: str, hooks: Hooks,
                    keep_history: bool = True) -> tuple[str, frozenset[str]]:
    """The merge-base of ``rev`` and HEAD, and the fingerprints an audit of it finds.

    A stored complete audit of that commit is reused; otherwise the commit is audited in a
    temporary worktree and that audit is saved for next time.
    """
    from perfaudit.pipeline import run_audit
    from perfaudit.track.baseline import audit_of_revision, known_prints

    # the revision's files that HEAD did not change are in this repository's cache already
    config = replace(config, cache_path=str(database_path(root, config.cache_path)))

    def run(tree: Path) -> Report:
        seen: list[SourceFile] = []
        report = run_audit(tree, config, replace(hooks, on_discovered=seen.extend))
        report = replace(report, audit=replace(report.audit, target=str(root)))
        if keep_history:
            save(report, root, config, files_root=tree, files=seen)
        return report

    base, report = audit_of_revision(root, rev, lambda c: _stored_audit(root, config, c), run)
    return base, known_prints(report)


def prepare_baseline(root: Path, config: Config, hooks: Hooks, *, baseline: str | None = None,
                     new_from_rev: str | None = None, keep_history: bool = True,
                     ) -> tuple[str, frozenset[str]] | None:
    """The label and fingerprints of the requested baseline (audit id, file or revision)."""
    if baseline:
        return baseline, baseline_prints(root, config, baseline)
    if new_from_rev:
        base, prints = revision_prints(root, config, new_from_rev, hooks, keep_history)
        return f"{new_from_rev} (merge-base {base[:12]})", prints
    return None


def finish_audit(report: Report, root: Path, today: date,
                 baseline: tuple[str, frozenset[str]] | None) -> Report:
    """Apply triage decisions, then hide what the baseline knew."""
    from perfaudit.track.baseline import apply_baseline

    report = with_triage(report, root, today)
    if baseline is None:
        return report
    label, prints = baseline
    return apply_baseline(report, prints, label)
