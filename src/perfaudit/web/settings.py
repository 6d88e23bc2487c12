"""What one ``perfaudit serve`` process serves, and to whom (pure)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
"""Host names a browser on this machine uses for a loopback server."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WebSettings:
    """The repository and database served, the process's secret, and the accepted hosts."""

    root: Path
    """The repository: its audits are listed, its code shown, its triage file written."""
    database: Path
    secret: bytes
    """Signs the forms' tokens; made anew by each process, so a restart voids old forms."""
    author: str = ""
    """Who decides, unless the form says otherwise (as ``perfaudit triage --author``)."""
    hosts: frozenset[str] = LOOPBACK_NAMES
    """Host names a request may carry; empty accepts any (a server reachable remotely)."""


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the server on this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def accepted_hosts(host: str, remote: bool) -> frozenset[str]:
    """The Host header names to accept when bound to ``host``: the loopback names (which a
    rebound DNS name is not), or any name when remote access was allowed."""
    if remote:
        return frozenset()
    return LOOPBACK_NAMES | {host.strip("[]").lower()}
