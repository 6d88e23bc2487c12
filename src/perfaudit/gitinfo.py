"""Facts from git about the audited repository: commit and web URL (subprocess, never raises)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

_SSH = re.compile(r"^git@([^:]+):(.+?)(?:\.git)?$")
_HTTPS = re.compile(r"^https?://(?:[^@/]+@)?([^/]+)/(.+?)(?:\.git)?/?$")


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def head_commit(root: Path) -> str | None:
    """The commit checked out at ``root``, or None outside git or before the first commit."""
    return _git(root, "rev-parse", "HEAD")


def web_url(remote: str) -> str | None:
    """``https://host/owner/repo`` for an ssh or https remote URL, or None."""
    for pattern in (_SSH, _HTTPS):
        found = pattern.match(remote.strip())
        if found:
            return f"https://{found.group(1)}/{found.group(2)}"
    return None


def repository_url(root: Path) -> str | None:
    """The web URL of the ``origin`` remote, when there is one."""
    remote = _git(root, "remote", "get-url", "origin")
    return web_url(remote) if remote else None


def subdirectory(root: Path) -> str:
    """Where ``root`` sits inside its git work tree ("" at the top or outside git)."""
    return _git(root, "rev-parse", "--show-prefix") or ""


def toplevel(directory: Path) -> Path | None:
    """The top of the git work tree holding ``directory``, or None outside git."""
    top = _git(directory, "rev-parse", "--show-toplevel")
    return Path(top) if top else None


def _names(root: Path, *args: str) -> list[str] | None:
    """NUL-separated file names git prints, as the file system spells them (any bytes)."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                              check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return [os.fsdecode(name) for name in done.stdout.split(b"\0") if name]


def changed_since(root: Path, rev: str) -> list[str] | None:
    """Paths under ``root`` (relative to it) that differ from ``rev`` in the work tree, added
    or not, plus files git does not track yet; None when ``rev`` is not a commit."""
    if rev.startswith("-") or _git(root, "rev-parse", "--verify", "--quiet",
                                   f"{rev}^{{commit}}") is None:
        return None
    changed = _names(root, "diff", "--name-only", "--relative", "--no-renames", "-z", rev, "--")
    untracked = _names(root, "ls-files", "-z", "--others", "--exclude-standard")
    if changed is None or untracked is None:
        return None
    return sorted({*changed, *untracked})


def tracks(root: Path, path: Path) -> bool:
    """Whether git tracks ``path`` in the repository at ``root``."""
    try:
        done = subprocess.run(["git", "-C", str(root), "ls-files", "--error-unmatch", "--",
                               str(path)], capture_output=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def user_name(root: Path) -> str | None:
    """``git config user.name`` for the repository at ``root``, or None."""
    return _git(root, "config", "user.name") or None
