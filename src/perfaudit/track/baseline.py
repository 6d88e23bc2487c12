"""Baselines: hide findings an earlier audit (stored, a findings.json, or a git revision) had."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from perfaudit.errors import UsageError
from perfaudit.model import Report
from perfaudit.track.renumber import renumbered


def known_prints(report: Report) -> frozenset[str]:
    """Fingerprints a report knows about: its findings and the ones triage hid."""
    return frozenset(f.fingerprint for f in (*report.findings, *report.triaged))


def apply_baseline(report: Report, baseline: frozenset[str], label: str) -> Report:
    """``report`` showing only findings whose fingerprint is not in ``baseline``."""
    kept = [f for f in report.findings if f.fingerprint not in baseline]
    hidden = len(report.findings) - len(kept)
    audit = replace(report.audit, hidden_by_baseline=hidden, baseline=label)
    return renumbered(replace(report, audit=audit), kept)


def read_findings_json(path: Path) -> Report:
    """A report from a ``findings.json`` file, or a usage error."""
    from pydantic import ValidationError

    from perfaudit.codec import decode

    try:
        return decode(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read baseline {path}: {exc}") from exc
    except ValidationError as exc:
        raise UsageError(f"{path} is not a perfaudit findings.json "
                         f"({exc.error_count()} problems)") from exc


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"git {args[0]} failed: {exc}") from exc
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise UsageError(f"git {args[0]} failed: {detail}")
    return done.stdout.strip()


def merge_base(root: Path, rev: str) -> str:
    """The commit where ``rev`` and HEAD diverged (``rev`` itself when it is an ancestor)."""
    if rev.startswith("-"):
        raise UsageError(f"not a revision: {rev}")
    return _git(root, "merge-base", rev, "HEAD")


@contextmanager
def checkout_at(root: Path, commit: str) -> Iterator[Path]:
    """A detached temporary worktree of ``commit``; yields the directory matching ``root``.

    The user's checkout is never touched; the worktree is removed afterwards.
    """
    prefix = _git(root, "rev-parse", "--show-prefix")
    parent = Path(tempfile.mkdtemp(prefix="perfaudit-base-"))
    tree = parent / "tree"
    _git(root, "worktree", "add", "--detach", "--quiet", str(tree), commit)
    try:
        yield tree / prefix if prefix else tree
    finally:
        try:
            _git(root, "worktree", "remove", "--force", str(tree))
        except UsageError:
            _git(root, "worktree", "prune")
        shutil.rmtree(parent, ignore_errors=True)


def audit_of_revision(root: Path, rev: str, stored: Callable[[str], Report | None],
                      run: Callable[[Path], Report]) -> tuple[str, Report]:
    """The merge-base of ``rev`` and HEAD and an audit of it: ``stored`` when it has one,
    else ``run`` on a temporary worktree of that commit."""
    base = merge_base(root, rev)
    report = stored(base)
    if report is None:
        with checkout_at(root, base) as tree:
            report = run(tree)
    return base, report
