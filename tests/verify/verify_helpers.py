"""Helpers for verification tests: run the CLI, build a findings.json."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from perfaudit.cli import main
from perfaudit.model import (
    Agreement,
    AuditInfo,
    Category,
    ConsolidatedFinding,
    Location,
    Report,
    Severity,
)
from perfaudit.render.json import render


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``perfaudit ARGS``; returns (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    """Run a command with ``--format json`` and parse its one document."""
    code, out, err = run_cli(capsys, *args, "--format", "json")
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)
    return doc


def finding(number: int, path: str, function: str, line: int,
            severity: Severity = Severity.P1) -> ConsolidatedFinding:
    """A consolidated finding in ``function`` at ``path:line``."""
    return ConsolidatedFinding(
        number=number, fingerprint=f"fp{number}", rule="nested-loop-lookup",
        category=Category.ALGORITHMIC, severity=severity, title=f"Finding in {function}",
        problem="Quadratic scan.", fix="Use a set.",
        location=Location(path=path, start_line=line, end_line=line + 1, function=function),
        reviewers=("rules",), agreement=Agreement.SINGLE)


def write_findings(directory: Path, findings: list[ConsolidatedFinding]) -> Path:
    """A findings.json holding ``findings`` under ``directory``; returns its path."""
    from perfaudit.consolidate import plan_actions

    report = Report(schema_version="1.0", audit=AuditInfo(
        id="20261123T120000Z-test", target=str(directory), commit=None,
        started="2026-11-23T12:00:00Z", finished="2026-11-23T12:00:01Z", tool_version="0"),
        findings=tuple(findings), actions=plan_actions(findings))
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "findings.json"
    path.write_text(render(report), encoding="utf-8")
    return path


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True)
    return done.stdout.strip()


def commit_all(repo: Path, message: str) -> str:
    """Commit everything in ``repo``; returns the commit id."""
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q",
         "-m", message)
    return _git(repo, "rev-parse", "HEAD")
