"""What more than one command needs: comma-separated flag values, writing the reports, and
the code around each finding read from the audited tree for them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from perfaudit.discover import path_inside
from perfaudit.errors import UsageError
from perfaudit.model import Excerpt, Location, Report, Status
from perfaudit.render import FORMATS, renderer


def split_values(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """Repeated, comma-separated flag values as one tuple; None when none was given."""
    items = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    return items or None


def write_reports(report: Report, out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """Render each format into ``out_dir``; returns the files written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output directory {out_dir}: {exc.strerror}") from exc
    written = []
    for name in formats:
        path = out_dir / FORMATS[name][0]
        try:
            path.write_text(renderer(name)(report), encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
        written.append(path)
    return written


EXCERPT_RADIUS = 3
"""Lines of context shown before and after a finding's lines."""
EXCERPT_MAX_LINES = 12
"""A finding spanning more lines than this is shown from its start only."""
_LINE_CHARS = 240
_MAX_READ_BYTES = 8_000_000


def excerpt_of(lines: Sequence[str], location: Location) -> Excerpt | None:
    """The finding's lines and EXCERPT_RADIUS lines either side, from a file's ``lines``;
    None when the location lies outside them."""
    if not 1 <= location.start_line <= len(lines):
        return None
    last = min(max(location.end_line, location.start_line),
               location.start_line + EXCERPT_MAX_LINES - 1)
    first = max(location.start_line - EXCERPT_RADIUS, 1)
    end = min(last + EXCERPT_RADIUS, len(lines))
    shown = tuple(line if len(line) <= _LINE_CHARS else line[:_LINE_CHARS] + "…"
                  for line in lines[first - 1:end])
    return Excerpt(start_line=first, lines=shown)


def _file_lines(root: Path, relative: str) -> list[str] | None:
    """The lines of ``root/relative``, None when it is not a readable file inside ``root``."""
    path = path_inside(root, relative)
    try:
        if path is None or not path.is_file() or path.stat().st_size > _MAX_READ_BYTES:
            return None
        return path.read_bytes().decode("utf-8", errors="replace").splitlines()
    except OSError:
        return None


def with_excerpts(report: Report, root: Path) -> Report:
    """``report`` with the code around each finding, as it reads now in the audited tree at
    ``root`` (each file read once); a finding whose file cannot be read, or that a
    re-validation found fixed (its lines are gone), gets none."""
    files: dict[str, list[str] | None] = {}
    findings = []
    for finding in report.findings:
        path = finding.location.path
        if finding.status is Status.FIXED:
            findings.append(finding)
            continue
        if path not in files:
            files[path] = _file_lines(root, path)
        lines = files[path]
        found = excerpt_of(lines, finding.location) if lines is not None else None
        findings.append(replace(finding, excerpt=found) if found else finding)
    return replace(report, findings=tuple(findings))
