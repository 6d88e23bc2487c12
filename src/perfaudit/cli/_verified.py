"""The verified report of bench, compare and profile: where it goes, and what an earlier
verification left there, so that a second command adds to the first instead of replacing it."""

from __future__ import annotations

from pathlib import Path

from perfaudit.cli._reports import write_reports
from perfaudit.cli._verify_io import VERIFIED_DIR
from perfaudit.errors import UsageError
from perfaudit.model import Report
from perfaudit.render import FORMATS


def destination(source: Path, output: str | None) -> Path:
    """``--output``, else ``verified/`` beside the findings."""
    return Path(output) if output else source.parent / VERIFIED_DIR


def earlier_report(out_dir: Path, audit: Report) -> Report | None:
    """The verified report an earlier bench, compare or profile of the same audit wrote into
    ``out_dir``; None when there is none. A usage error when ``out_dir`` holds anything else
    in its findings.json, which writing there would lose."""
    from perfaudit.render.json import load

    path = out_dir / FORMATS["json"][0]
    if not path.is_file():
        return None
    keep = "it was left as it is; pass --output DIR to write elsewhere"
    try:
        earlier = load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{path} is not a readable perfaudit report ({type(exc).__name__}); "
                         f"{keep}") from exc
    if earlier.audit.id != audit.audit.id:
        raise UsageError(f"{path} holds the verified report of audit {earlier.audit.id}, not of "
                         f"audit {audit.audit.id}; {keep}")
    return earlier


def write_verified(report: Report, out_dir: Path) -> list[Path]:
    """Write every report format into ``out_dir``."""
    return write_reports(report, out_dir, tuple(FORMATS))
