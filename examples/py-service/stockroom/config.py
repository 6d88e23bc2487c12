"""Settings: read once at start-up from a TOML file and passed around explicitly."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    supplier_timeout_s: float = 10.0
    reservation_ttl_s: int = 900
    report_dir: Path = Path("reports")
    workers: int = 4


def load_settings(path: Path) -> Settings:
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    section = raw.get("stockroom", {})
    return Settings(
        database_url=section["database_url"],
        supplier_timeout_s=float(section.get("supplier_timeout_s", 10.0)),
        reservation_ttl_s=int(section.get("reservation_ttl_s", 900)),
        report_dir=Path(section.get("report_dir", "reports")),
        workers=int(section.get("workers", 4)),
    )


def load_blocklist(path: Path) -> frozenset[str]:
    """SKUs that must never be synced, one per line; blank lines and # comments are ignored."""
    blocked = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh.readlines():
            entry = line.split("#", 1)[0].strip()
            if entry:
                blocked.add(entry)
    return frozenset(blocked)
