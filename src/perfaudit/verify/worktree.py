"""Temporary git worktrees for the revisions being measured; the user's checkout is untouched."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from perfaudit.errors import UsageError


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                              timeout=120, check=False)
    except FileNotFoundError as exc:
        raise UsageError("git not found on PATH") from exc


def repository_root(path: Path) -> Path:
    """The top of the git repository that holds ``path``."""
    done = _git(path, "rev-parse", "--show-toplevel")
    if done.returncode:
        raise UsageError(f"{path} is not inside a git repository")
    return Path(done.stdout.strip())


def resolve_revision(repo: Path, revision: str) -> str:
    """The full commit id of ``revision``; a one-line UsageError when it does not exist."""
    done = _git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if done.returncode or not done.stdout.strip():
        raise UsageError(f"unknown revision {revision!r} in {repo}")
    return done.stdout.strip()


@contextmanager
def checkouts(repo: Path, commits: Mapping[str, str]) -> Iterator[dict[str, Path]]:
    """Check out each ``label → commit`` in its own detached worktree under a temp dir.

    The worktrees and the temp dir are removed on exit, whatever happened inside.
    """
    tmp = Path(tempfile.mkdtemp(prefix="perfaudit-bench-"))
    added: list[Path] = []
    try:
        paths = {}
        for label, commit in commits.items():
            path = tmp / label
            done = _git(repo, "worktree", "add", "--detach", "--quiet", str(path), commit)
            if done.returncode:
                raise UsageError(f"cannot check out {commit[:12]}: "
                                 f"{(done.stderr.strip().splitlines() or ['git failed'])[-1]}")
            added.append(path)
            paths[label] = path
        yield paths
    finally:
        for path in added:
            _git(repo, "worktree", "remove", "--force", str(path))
        shutil.rmtree(tmp, ignore_errors=True)
        _git(repo, "worktree", "prune")
