"""Reviewer ``staticcheck``: its performance checks (SA6xxx and friends) as findings.

Runs ``staticcheck -f json -tests=false ./...`` in each Go module; the JSON formatter
writes one object per line: ``code``, ``severity``, ``location``/``end`` (``file``,
``line``, ``column``), ``message`` and optional ``related``.
"""

from __future__ import annotations

import json
from typing import Any

from perfaudit.config import Config
from perfaudit.model import Finding, Location
from perfaudit.reviewers.linters._golinter import GoLinterReviewer
from perfaudit.reviewers.linters.gochecks import reference, short_title, staticcheck_check

NAME = "staticcheck"
# Debian and Ubuntu ship the binary as go-staticcheck
EXECUTABLES = (NAME, "go-staticcheck")


def command(_module: str) -> list[str]:
    """The command line, run inside the module directory."""
    return [NAME, "-f", "json", "-tests=false", "./..."]


def _lines(output: str) -> list[dict[str, Any]]:
    items = []
    for number, line in enumerate(output.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number} is not JSON: {exc.msg}") from exc
        if isinstance(item, dict):
            items.append(item)
    return items


def _finding(item: dict[str, Any]) -> Finding | None:
    code = str(item.get("code", ""))
    check = staticcheck_check(code)
    start = item.get("location") or {}
    if check is None or item.get("severity") == "ignored" or not start.get("file"):
        return None
    end = item.get("end") or {}
    first = int(start.get("line") or 1)
    last = int(end.get("line") or 0) if end.get("file") == start.get("file") else first
    message = " ".join(str(item.get("message", "")).split())
    return Finding(
        reviewer=NAME, rule=code, category=check.category, severity=check.severity,
        title=short_title(message) or code, problem=f"{message} (staticcheck {code})", fix=check.fix,
        location=Location(path=str(start["file"]), start_line=first, end_line=max(first, last)),
        references=(reference(code),),
    )


def parse(output: str) -> list[Finding]:
    """Findings from staticcheck's JSON lines, paths as the tool wrote them (absolute).

    Checks that are not about performance or correctness (style, simplifications, unused
    code) and compile errors are left out. Raises ValueError on output that is not JSON.
    """
    found = (_finding(item) for item in _lines(output))
    return [finding for finding in found if finding is not None]


def make_staticcheck_reviewer(name: str, _config: Config) -> GoLinterReviewer:
    """Factory for the panel registry."""
    return GoLinterReviewer(name, EXECUTABLES, command, parse)
