"""Run an external tool with a timeout; failures come back as values, never exceptions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TIMEOUT_S = 300.0


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolResult:
    """What one tool run produced; ``error`` is set when it could not run or timed out."""

    returncode: int = 0
    stdout: str = ""
    stderr: str = ""
    error: str = ""


def find_executable(name: str) -> str | None:
    """``name`` on PATH, else next to the running interpreter (a virtual environment's bin)."""
    found = shutil.which(name)
    if found:
        return found
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else None


def run_tool(argv: Sequence[str], cwd: Path, timeout_s: float = DEFAULT_TIMEOUT_S) -> ToolResult:
    """Run ``argv`` in ``cwd`` and capture its output as text."""
    try:
        done = subprocess.run(list(argv), cwd=cwd, capture_output=True, text=True, check=False,
                              timeout=timeout_s, encoding="utf-8", errors="replace")
    except subprocess.TimeoutExpired:
        return ToolResult(returncode=-1, error=f"{Path(argv[0]).name} timed out after {timeout_s:.0f} s")
    except OSError as exc:
        return ToolResult(returncode=-1, error=f"{Path(argv[0]).name} could not run: {exc}")
    return ToolResult(returncode=done.returncode, stdout=done.stdout, stderr=done.stderr)
