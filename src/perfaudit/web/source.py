"""A finding's code in context, read from the repository on disk, saying when it cannot be."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from perfaudit.discover import path_inside
from perfaudit.model import Location
from perfaudit.store.history import file_digests

RADIUS = 6
"""Lines shown before and after a finding's span."""
MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeLine:
    """One line of the file, and whether it is part of the finding's span."""

    number: int
    text: str
    marked: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeContext:
    """The lines around a finding, and a note when they are missing or may have moved."""

    lines: tuple[CodeLine, ...] = ()
    note: str = ""
    stale: bool = False
    """Whether the lines are missing or may not be the audit's (its quote is shown too)."""


def code_context(root: Path, location: Location, digest: str | None) -> CodeContext:
    """The lines of ``location`` and around it in ``root``'s copy of the file. ``digest`` is
    the file's SHA-256 when the audit read it: a file that differs now is said to."""
    path = path_inside(root, location.path)
    if path is None:
        return CodeContext(note=f"{location.path} is outside {root}; it is not shown.", stale=True)
    if not path.is_file():
        return CodeContext(note=f"{location.path} is not on disk in {root} (deleted, moved, "
                                "or another checkout).", stale=True)
    try:
        if path.stat().st_size > MAX_BYTES:
            return CodeContext(note=f"{location.path} is too large to show here.", stale=True)
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        return CodeContext(note=f"{location.path} could not be read: {exc.strerror}.",
                           stale=True)
    if location.start_line > len(lines):
        return CodeContext(note=f"{location.path} now ends before line {location.start_line}.",
                           stale=True)
    first = max(location.start_line - RADIUS, 1)
    last = min(location.end_line + RADIUS, len(lines))
    shown = tuple(CodeLine(number=n, text=lines[n - 1],
                           marked=location.start_line <= n <= location.end_line)
                  for n in range(first, last + 1))
    changed = digest is not None and file_digests(root, [location.path]).get(location.path) != digest
    note = (f"{location.path} changed since this audit: these lines may no longer be the "
            "finding's." if changed else "")
    return CodeContext(lines=shown, note=note, stale=changed)
