"""Read what a repository targets: go.mod ``go`` and ``module`` lines, ``requires-python``."""

from __future__ import annotations

import posixpath
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

_GO_LINE = re.compile(r"^go\s+(\d+\.\d+)", re.MULTILINE)
_MODULE_LINE = re.compile(r"^module\s+(\S+)", re.MULTILINE)
# `replace example.com/x [v1.2.3] => ./x` (alone or in a block): a module the tree holds
_LOCAL_REPLACE = re.compile(r"^\s*(?:replace\s+)?(\S+)(?:\s+v\S+)?\s*=>\s*\.\.?/", re.MULTILINE)
# `use ./a` (alone or in a block) in go.work
_WORK_USE = re.compile(r"^\s*(?:use\s+)?(\.{1,2}/\S*|\.)\s*$", re.MULTILINE)
_PY_MIN = re.compile(r">=\s*(\d+\.\d+)|~=\s*(\d+\.\d+)|==\s*(\d+\.\d+)")


def parse_version(text: str) -> tuple[int, ...]:
    """Turn ``"1.22"`` or ``"1.22.3"`` into a comparable tuple; non-numeric parts end it."""
    parts: list[int] = []
    for piece in text.strip().split("."):
        digits = re.match(r"\d+", piece)
        if not digits:
            break
        parts.append(int(digits.group()))
    return tuple(parts)


def go_version_from_mod(text: str) -> str | None:
    """The ``go`` directive of a go.mod file's text, e.g. ``"1.22"``."""
    found = _GO_LINE.search(text)
    return found.group(1) if found else None


def python_version_from_requires(spec: str) -> str | None:
    """The lowest Python version a ``requires-python`` specifier admits, e.g. ``"3.10"``."""
    found = _PY_MIN.search(spec)
    if not found:
        return None
    return next(group for group in found.groups() if group)


def detect_versions(root: Path) -> dict[str, str]:
    """Language versions declared at the repository root, keyed by language name."""
    versions: dict[str, str] = {}
    go_mod = root / "go.mod"
    if go_mod.is_file():
        go = go_version_from_mod(go_mod.read_text(encoding="utf-8", errors="replace"))
        if go:
            versions["go"] = go
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8", errors="replace"))
        except tomllib.TOMLDecodeError:
            data = {}
        spec = data.get("project", {}).get("requires-python")
        py = python_version_from_requires(spec) if isinstance(spec, str) else None
        if py:
            versions["python"] = py
    return versions


@dataclass(frozen=True, slots=True)
class GoModule:
    """What a file's nearest ``go.mod`` says: the Go version it targets, the module's path
    (``""`` when there is no go.mod or it names no module), and every module path of the
    tree it can import (``owned``): its own, those of the go.mod files above it, the modules
    they replace with a folder of the tree, and the root's ``go.work`` modules."""

    version: str | None
    path: str = ""
    owned: tuple[str, ...] = ()

    @property
    def scope(self) -> str:
        """The owned module paths as one string (what a file's heat summary depends on)."""
        return " ".join(self.owned)

    def owns(self, import_path: str) -> bool:
        """Whether ``import_path`` is a package of the tree (False when no module is known:
        then nothing can be told apart)."""
        return owns_import((self.path, *self.owned), import_path)


def owns_import(modules: tuple[str, ...] | list[str], import_path: str) -> bool:
    """Whether ``import_path`` is a package of one of ``modules``."""
    return any(import_path == m or import_path.startswith(m + "/") for m in modules if m)


class NearestGoModule:
    """The nearest ``go.mod`` above a file, read once per directory.

    Repositories with several modules (``tools/go.mod`` beside the root one) may target
    different Go versions; a file's verdicts follow its own module. Directories are never
    searched above ``root``; without any ``go.mod`` the version is ``default``.
    """

    def __init__(self, root: Path, default: str | None) -> None:
        self._root = root
        self._default = default
        self._by_dir: dict[str, GoModule] = {}

    def for_file(self, rel_path: str) -> GoModule:
        """The module governing the repository-relative ``rel_path``."""
        return self._for_dir(posixpath.dirname(rel_path) or ".")

    def _for_dir(self, rel_dir: str) -> GoModule:
        known = self._by_dir.get(rel_dir)
        if known is not None:
            return known
        top = rel_dir in ("", ".")
        above = GoModule(self._default, "", self._workspace()) if top else self._for_dir(
            posixpath.dirname(rel_dir) or ".")
        go_mod = self._root / rel_dir / "go.mod"
        module = above
        if go_mod.is_file():
            text = go_mod.read_text(encoding="utf-8", errors="replace")
            path = _module_path(text)
            owned = (path, *_LOCAL_REPLACE.findall(text), *above.owned)
            module = GoModule(go_version_from_mod(text) or self._default, path,
                              tuple(dict.fromkeys(m for m in owned if m)))
        self._by_dir[rel_dir] = module
        return module

    def _workspace(self) -> tuple[str, ...]:
        """The module paths of the root's ``go.work`` (its ``use`` folders' go.mod files)."""
        try:
            work = (self._root / "go.work").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ()
        modules = []
        for folder in _WORK_USE.findall(work):
            try:
                text = (self._root / folder / "go.mod").read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            modules.append(_module_path(text))
        return tuple(m for m in modules if m)


def _module_path(go_mod: str) -> str:
    found = _MODULE_LINE.search(go_mod)
    return found.group(1).strip('"') if found else ""
