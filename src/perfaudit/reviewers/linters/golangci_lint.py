"""Reviewer ``golangci-lint``: performance-related linters run through golangci-lint.

Runs ``golangci-lint run`` with JSON output in each Go module, on top of the repository's
own configuration, enabling the performance linters perfaudit reads. The JSON document is
``{"Issues": [{"FromLinter", "Text", "Severity", "SourceLines", "Pos": {"Filename",
"Line", "Column"}, "LineRange"?: {"From", "To"}}], "Report": {...}}``; paths are relative
to the directory it ran in.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from perfaudit.config import Config
from perfaudit.model import Finding, Location
from perfaudit.reviewers.linters import _proc
from perfaudit.reviewers.linters._golinter import GoLinterReviewer
from perfaudit.reviewers.linters.gochecks import golangci_check, reference, short_title

NAME = "golangci-lint"
# linters present in every release still in use; others (perfsprint, fatcontext, ...) are
# read when the repository's own configuration enables them
PERF_LINTERS = ("prealloc", "bodyclose", "noctx")
_VERSION = re.compile(r"version v?(\d+)\.")


def major_version(version_text: str) -> int:
    """The major version from ``golangci-lint --version`` output (1 when unknown)."""
    match = _VERSION.search(version_text)
    return int(match.group(1)) if match else 1


def command_for(major: int) -> list[str]:
    """The command line for golangci-lint ``major`` (v2 renamed the output flags)."""
    output = ["--output.json.path=stdout", "--show-stats=false"] if major >= 2 \
        else ["--out-format=json"]
    return [NAME, "run", *output, "--issues-exit-code=0", "--max-issues-per-linter=0",
            "--max-same-issues=0", "--tests=false", f"--enable={','.join(PERF_LINTERS)}", "./..."]


def _document(output: str) -> dict[str, Any]:
    start = output.find("{")
    if start < 0:
        raise ValueError("no JSON document in output")
    try:
        document, _end = json.JSONDecoder().raw_decode(output[start:])
    except json.JSONDecodeError as exc:
        raise ValueError(f"output is not JSON: {exc.msg}") from exc
    if not isinstance(document, dict):
        raise ValueError("output is not a JSON object")
    return document


def _finding(issue: dict[str, Any]) -> Finding | None:
    pos = issue.get("Pos") or {}
    read = golangci_check(str(issue.get("FromLinter", "")), " ".join(str(issue.get("Text", "")).split()))
    if read is None or not pos.get("Filename"):
        return None
    rule, message, check = read
    first = int(pos.get("Line") or 1)
    span = issue.get("LineRange") or {}
    last = max(first, int(span.get("To") or first))
    snippet = "\n".join(line.strip() for line in issue.get("SourceLines") or [])
    return Finding(
        reviewer=NAME, rule=rule, category=check.category, severity=check.severity,
        title=short_title(message) or rule, problem=f"{message} ({issue.get('FromLinter')})",
        fix=check.fix, references=(reference(rule),),
        location=Location(path=str(pos["Filename"]), start_line=first, end_line=last,
                          snippet=snippet[:200]),
    )


def parse(output: str) -> list[Finding]:
    """Findings from golangci-lint's JSON document, paths as the tool wrote them.

    Linters and checks that are not about performance or correctness are left out.
    Raises ValueError when the output holds no JSON document.
    """
    issues = _document(output).get("Issues") or []
    found = (_finding(issue) for issue in issues if isinstance(issue, dict))
    return [finding for finding in found if finding is not None]


def make_golangci_reviewer(name: str, _config: Config) -> GoLinterReviewer:
    """Factory for the panel registry; asks the installed golangci-lint for its version once."""
    known: list[int] = []

    def command(_module: str) -> list[str]:
        if not known:
            version = _proc.run_tool([NAME, "--version"], Path("."), timeout_s=30)
            known.append(major_version(version.stdout + version.stderr))
        return command_for(known[0])

    return GoLinterReviewer(name, (NAME,), command, parse)
