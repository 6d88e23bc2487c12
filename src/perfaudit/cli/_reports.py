"""What more than one command needs: comma-separated flag values, and writing the reports."""

from __future__ import annotations

from pathlib import Path

from perfaudit.errors import UsageError
from perfaudit.model import Report
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
