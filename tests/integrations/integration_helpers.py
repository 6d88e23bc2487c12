"""Helpers for the integration tests: git, a copy of the project, and an offline wheelhouse."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PROJECT = Path(__file__).resolve().parents[2]
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

HOT_REGEXP_GO = """\
package web

import (
\t"net/http"
\t"regexp"
)

// Search writes the names that contain the query as a word.
func Search(w http.ResponseWriter, r *http.Request) {
\tq := r.URL.Query().Get("q")
\tfor _, name := range names {
\t\tword := regexp.MustCompile(`\\b` + regexp.QuoteMeta(q) + `\\b`)
\t\tif word.MatchString(name) {
\t\t\t_, _ = w.Write([]byte(name + "\\n"))
\t\t}
\t}
}

var names = []string{"alpha", "beta"}
"""
"""A handler that compiles the same regexp for every name: a P0 finding."""

CLEAN_GO = """\
package web

import (
\t"net/http"
\t"regexp"
)

// Find writes the names that contain the query as a word.
func Find(w http.ResponseWriter, r *http.Request) {
\tword := regexp.MustCompile(`\\b` + regexp.QuoteMeta(r.URL.Query().Get("q")) + `\\b`)
\tfor _, name := range names {
\t\tif word.MatchString(name) {
\t\t\t_, _ = w.Write([]byte(name + "\\n"))
\t\t}
\t}
}
"""
"""The same handler with the regexp compiled once: no finding."""

CONCAT_GO = """\
package web

import "net/http"

// Export writes every name as one CSV line.
func Export(w http.ResponseWriter, r *http.Request) {
\tout := "name\\n"
\tfor _, name := range names {
\t\tout += name + "\\n"
\t}
\t_, _ = w.Write([]byte(out))
}
"""
"""A handler that builds its response by concatenation in a loop: a second, different finding."""


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` with a fixed identity and no user configuration; its stdout."""
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                          check=True, env={**os.environ, **GIT_ENV})
    return done.stdout.strip()


def commit_all(root: Path, message: str) -> str:
    """Commit everything in ``root`` (initialising the repository first if needed)."""
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD")


def _ignored(directory: str, names: list[str]) -> set[str]:
    del directory
    return {n for n in names if n in {"__pycache__", "_version.py"} or n.endswith(".egg-info")}


def copy_project(dest: Path, *extra: str) -> Path:
    """What a build of perfaudit reads, copied from this working tree (edits included):
    pyproject.toml, README.md, src/ and the ``extra`` files named."""
    dest.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", *extra):
        shutil.copy2(PROJECT / name, dest / name)
    shutil.copytree(PROJECT / "src", dest / "src", ignore=_ignored)
    return dest


def _requirements(name: str) -> list[str]:
    names = []
    for text in metadata.requires(name) or []:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            names.append(requirement.name)
    return names


def _closure(roots: list[str]) -> set[str]:
    seen: set[str] = set()
    pending = list(roots)
    while pending:
        name = canonicalize_name(pending.pop())
        if name in seen:
            continue
        seen.add(name)
        pending.extend(_requirements(name))
    return seen


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def _repack(name: str, dest: Path) -> Path:
    """A wheel of installed distribution ``name``, rebuilt from the files it installed."""
    dist = metadata.distribution(name)
    info = next(Path(str(f)) for f in dist.files or [] if str(f).endswith(".dist-info/METADATA")).parent
    tag = re.search(r"^Tag: (\S+)$", dist.read_text("WHEEL") or "", re.M)
    stem = f"{canonicalize_name(name).replace('-', '_')}-{dist.version}-{tag[1] if tag else 'py3-none-any'}"
    wheel = dest / f"{stem}.whl"
    skip = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}
    record = []
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for file in dist.files or []:
            path = Path(str(file))
            if path.parts[0] == ".." or "__pycache__" in path.parts or (
                    path.parent == info and path.name in skip):
                continue
            data = Path(str(dist.locate_file(file))).read_bytes()
            archive.writestr(path.as_posix(), data)
            record.append(f"{path.as_posix()},{_record_hash(data)},{len(data)}")
        record.append(f"{info.as_posix()}/RECORD,,")
        archive.writestr(f"{info.as_posix()}/RECORD", "\n".join(record) + "\n")
    return wheel


def build_wheelhouse(dest: Path) -> Path:
    """Wheels of everything installing perfaudit needs (its dependencies and its build
    backend), rebuilt from this environment so that pip needs no index."""
    pyproject = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    needed = [*pyproject["project"]["dependencies"], *pyproject["build-system"]["requires"]]
    roots = [Requirement(text).name for text in needed]
    with contextlib.suppress(metadata.PackageNotFoundError):  # setuptools < 70.1 builds with it
        roots.append(metadata.distribution("wheel").name)
    dest.mkdir(parents=True, exist_ok=True)
    for name in sorted(_closure(roots) - {"perfaudit"}):
        _repack(name, dest)
    return dest
