"""Read what a repository targets: go.mod ``go`` and ``module`` lines, ``requires-python``."""

from __future__ import annotations

import posixpath
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

_GO_LINE = re.compile(r"^go\s+(\d+\.\d+)", re.MULTILINE)
_MODULE_LINE = re.compile(r"^module\s+(\S+)", re.MULTILINE)
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
    """What a file's nearest ``go.mod`` says: the Go version it targets and the module's path
    (``""`` when there is no go.mod or it names no module)."""

    version: str | None
    path: str = ""

    def owns(self, import_path: str) -> bool:
        """Whether ``import_path`` is a package of this module (False when the module is
        unknown: then nothing can be told apart)."""
        return bool(self.path) and (import_path == self.path
                                     or import_path.startswith(self.path + "/"))


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
        go_mod = self._root / rel_dir / "go.mod"
        module: GoModule
        if go_mod.is_file():
            text = go_mod.read_text(encoding="utf-8", errors="replace")
            found = _MODULE_LINE.search(text)
            module = GoModule(go_version_from_mod(text) or self._default,
                              found.group(1).strip('"') if found else "")
        elif rel_dir in ("", "."):
            module = GoModule(self._default)
        else:
            module = self._for_dir(posixpath.dirname(rel_dir) or ".")
        self._by_dir[rel_dir] = module
        return module
