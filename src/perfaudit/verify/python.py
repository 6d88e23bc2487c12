"""Run one round of a Python project's benchmarks: pytest-benchmark or a pyperf script."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from perfaudit.verify.go import RoundResult
from perfaudit.verify.plan import BenchOptions, first_error, python_command
from perfaudit.verify.process import run


def _env(workdir: Path, env: Mapping[str, str] | None) -> dict[str, str]:
    merged = dict(env if env is not None else os.environ)
    # The revision's own code must win over any installed copy of the project.
    paths = [str(workdir / "src"), str(workdir), merged.get("PYTHONPATH", "")]
    merged["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    return merged


def run_round(workdir: Path, options: BenchOptions, json_path: Path,
              env: Mapping[str, str] | None = None) -> RoundResult:
    """Run the benchmarks in ``workdir``; the output is the JSON document they wrote."""
    json_path.unlink(missing_ok=True)
    command = python_command(options, str(json_path))
    try:
        done = run(command, workdir, options.timeout_s, _env(workdir, env))
    except OSError as exc:
        return RoundResult(error=f"cannot run {command[0]}: {exc.strerror}")
    if done.timed_out:
        return RoundResult(error=f"timed out after {options.timeout_s:g} s")
    if done.returncode == 5:
        return RoundResult(error="no benchmarks found (pytest collected nothing)")
    if done.returncode or not json_path.is_file():
        text = done.stdout + "\n" + done.stderr
        return RoundResult(error=f"benchmarks failed: {first_error(text)}")
    return RoundResult(output=json_path.read_text(encoding="utf-8"))
