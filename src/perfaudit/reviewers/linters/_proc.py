"""Run an external tool as a subprocess: argv in, exit code and output out, never an exception."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TIMEOUT_S = 600.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Completed:
    """What a finished tool run left behind; ``error`` is set when it did not run at all."""

    returncode: int
    stdout: str
    stderr: str
    error: str = ""


def which(tool: str) -> str | None:
    """The executable's path, or None when the tool is not installed."""
    return shutil.which(tool)


def run_tool(argv: list[str], cwd: Path, timeout_s: float = DEFAULT_TIMEOUT_S) -> Completed:
    """Run ``argv`` in ``cwd`` without a shell; a timeout or OS error becomes ``error``."""
    try:
        proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, errors="replace",
                              timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        return Completed(returncode=-1, stdout="", stderr="", error=f"timed out after {timeout_s:g} s")
    except OSError as exc:
        return Completed(returncode=-1, stdout="", stderr="", error=f"{exc.strerror or exc}")
    return Completed(returncode=proc.returncode, stdout=proc.stdout, stderr=proc.stderr)


def tail(text: str, lines: int = 3) -> str:
    """The last non-empty lines of ``text``, joined on one line."""
    kept = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " | ".join(kept[-lines:])
