"""Run a benchmark command with a time limit, killing its whole process group on expiry."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True, kw_only=True)
class Completed:
    """Exit status and output of a finished command; ``timed_out`` when it was stopped."""

    returncode: int
    stdout: str
    stderr: str
    timed_out: bool = False


def run(command: Sequence[str], cwd: Path, timeout_s: float,
        env: Mapping[str, str] | None = None) -> Completed:
    """Run ``command``; on timeout kill it and everything it started (``go test`` forks)."""
    with subprocess.Popen(list(command), cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, start_new_session=True,
                          env=dict(env) if env is not None else None) as proc:
        try:
            out, err = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            return Completed(returncode=-9, stdout=out, stderr=err, timed_out=True)
    return Completed(returncode=proc.returncode, stdout=out, stderr=err)
