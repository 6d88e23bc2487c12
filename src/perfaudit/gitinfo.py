"""Facts from git about the audited repository: commit and web URL (subprocess, never raises)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from urllib.parse import quote, urlsplit

# scp-like ``[user@]host:path`` (no scheme); a Windows path (``C:\\x``) has no repository path
_SCP = re.compile(r"^(?:[^@/:]+@)?(?P<host>[^@/:]+):(?P<path>[^/].*)$")
_SCHEMES = frozenset({"https", "http", "ssh", "git", "git+ssh", "ssh+git"})
_REPO_PATH = re.compile(r"^[A-Za-z0-9_.~-]+(?:/[A-Za-z0-9_.~-]+)+$")
_COMMIT = re.compile(r"^[0-9a-fA-F]+$")
FORGES = {"github.com": ("/blob/", "-L"), "gitlab.com": ("/-/blob/", "-")}
"""Hosts whose file pages perfaudit links to: the blob path and how a line range is written."""


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


def has_local_changes(root: Path) -> bool:
    """Whether the work tree at ``root`` differs from its HEAD (edited, staged or untracked
    files that git does not ignore); True when git cannot tell."""
    # perfaudit's own outputs folder keeps its .gitignore visible to git; that is no change
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", ".",
                  ":(exclude).perfaudit/.gitignore")
    return status is None or bool(status.strip())


def _host_and_path(remote: str) -> tuple[str, str] | None:
    """A remote URL's host and repository path, with any user, password, token or port left
    out; None for a local path or a URL of another scheme."""
    if "://" not in remote:
        scp = _SCP.match(remote)
        return (scp.group("host"), scp.group("path")) if scp else None
    try:
        parts = urlsplit(remote)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in _SCHEMES or not host:
        return None
    return host, parts.path


def web_url(remote: str) -> str | None:
    """``https://host/owner/repo`` for an ssh, scp-like, git or http(s) remote URL, or None.

    Built from the host and the repository path alone, so credentials in the remote
    (``https://user:token@host/...``) never reach a report.
    """
    found = _host_and_path(remote.strip())
    if found is None:
        return None
    host, path = found[0].lower(), found[1].strip("/").removesuffix(".git")
    if not _REPO_PATH.match(path):
        return None
    return f"https://{host}/{path}"


def _forge_repo(repository_url: str) -> tuple[str, str] | None:
    """Host and repository path of a plain ``https://host/owner/repo`` on a known forge."""
    try:
        parts = urlsplit(repository_url)
        port = parts.port
    except ValueError:
        return None
    host, repo = (parts.hostname or "").lower(), parts.path.strip("/")
    if parts.scheme != "https" or host not in FORGES or port or "@" in parts.netloc \
            or parts.query or parts.fragment or not _REPO_PATH.match(repo):
        return None
    return host, repo


def blob_url(repository_url: str | None, commit: str | None, path: str, start: int,
             end: int) -> str | None:
    """The web page of ``path`` at ``commit``, at lines ``start``-``end``: only on a known
    forge (FORGES) and at a commit, built from the host and repository path alone."""
    if not repository_url or not commit or not _COMMIT.match(commit):
        return None
    found = _forge_repo(repository_url)
    if found is None:
        return None
    host, repo = found
    blob, through = FORGES[host]
    anchor = f"L{start}" + (f"{through}{end}" if end > start else "")
    return f"https://{host}/{repo}{blob}{commit}/{quote(path, safe='/')}#{anchor}"


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
