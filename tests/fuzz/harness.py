"""Run the catalogue over files in a child process and name every file that breaks it.

``check`` writes the files to a fresh directory and runs ``driver.py`` over all of them in one
child, twice side by side: the second run takes the files in the opposite order (so state one
scan leaves behind meets a different next file) under another hash seed. A file is in trouble
when the child dies on it (a signal, a non-zero exit or a hang), when a scan raises or reports a
rule, scan or engine error, or when the two runs disagree about it. When the child dies, the
file it last started is run alone to confirm it, and the files after it are checked again as a
batch of their own.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DRIVER = Path(__file__).with_name("driver.py")
# A broken file may well earn a parse error; a diagnostic saying a rule, a scan or the engine
# failed, or any other kind naming an error or a crash, is a bug.
EXPECTED_KINDS = frozenset({"parse-error"})
FAILURE_KINDS = frozenset({"rule-error", "scan-error", "engine-crash"})
_TAIL = 1500
HASH_SEEDS = (1, 2)


@dataclass(frozen=True, slots=True)
class Case:
    """One file to scan: its name in the batch directory, its bytes, and where it came from."""

    name: str
    data: bytes
    description: str


@dataclass(frozen=True, slots=True)
class Problem:
    """What went wrong with one file."""

    case: Case
    kind: str
    detail: str = ""
    saved: str = ""

    def report(self) -> str:
        """A few lines for a failure message."""
        where = f"\n  saved as {self.saved}" if self.saved else ""
        detail = "\n    ".join(self.detail.strip().splitlines()[-20:])
        return f"{self.kind}: {self.case.description}{where}\n    {detail}"


@dataclass(slots=True)
class _Run:
    returncode: int | None
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    started: str | None = None
    stderr: str = ""

    @property
    def completed(self) -> bool:
        return self.returncode == 0

    def death(self) -> str:
        if self.returncode is None:
            return "hang (timed out)"
        if self.returncode < 0:
            try:
                return f"crash ({signal.Signals(-self.returncode).name})"
            except ValueError:
                return f"crash (signal {-self.returncode})"
        return f"crash (exit status {self.returncode})"


def _run_driver(root: Path, names: Sequence[str], hash_seed: int) -> _Run:
    env = dict(os.environ, PYTHONHASHSEED=str(hash_seed), PYTHONFAULTHANDLER="1")
    command = [sys.executable, "-X", "faulthandler", str(DRIVER), str(root), *names]
    timeout = 60 + 2 * len(names)
    try:
        done = subprocess.run(command, capture_output=True, env=env, timeout=timeout, check=False)
        run, stdout, stderr = _Run(done.returncode), done.stdout, done.stderr
    except subprocess.TimeoutExpired as exc:
        run, stdout, stderr = _Run(None), exc.stdout or b"", exc.stderr or b""
    run.stderr = stderr.decode("utf-8", "replace")[-_TAIL:]
    for line in stdout.decode("utf-8", "replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict):
            continue
        if record.get("event") == "start":
            run.started = record["file"]
        elif record.get("event") == "done":
            run.records[record["file"]] = record["result"]
            run.started = None
    return run


def _bad_diagnostics(result: dict[str, Any]) -> list[str]:
    return [f"{d['kind']} at line {d.get('line')}: {d.get('message')}"
            for d in result.get("diagnostics", ())
            if d["kind"] in FAILURE_KINDS
            or (d["kind"] not in EXPECTED_KINDS and ("error" in d["kind"] or "crash" in d["kind"]))]


def judge(case: Case, record: dict[str, Any]) -> list[Problem]:
    """Problems one driver record shows (exceptions, error diagnostics, disagreeing scans)."""
    problems = []
    for path in ("audit", "direct", "raw"):
        result = record.get(path)
        if result is None:
            continue
        if "error" in result:
            problems.append(Problem(case, f"exception ({path})",
                                    f"{result['error']}\n{result.get('traceback', '')}"))
        if bad := _bad_diagnostics(result):
            problems.append(Problem(case, f"error diagnostic ({path})", "\n".join(bad)))
    return problems


def _difference(first: dict[str, Any], second: dict[str, Any]) -> str:
    for path in sorted(set(first) | set(second)):
        if first.get(path) != second.get(path):
            return (f"{path}: {json.dumps(first.get(path), sort_keys=True)[:600]}\n"
                    f"  vs {json.dumps(second.get(path), sort_keys=True)[:600]}")
    return ""


def _save(problem: Problem, save_dir: Path) -> Problem:
    case = problem.case
    digest = hashlib.sha256(case.data).hexdigest()[:10]
    path = save_dir / f"{digest}{Path(case.name).suffix}"
    save_dir.mkdir(parents=True, exist_ok=True)
    path.write_bytes(case.data)
    path.with_suffix(".txt").write_text(f"{problem.kind}\n{case.description}\n{problem.detail}\n",
                                        encoding="utf-8")
    return Problem(case, problem.kind, problem.detail, str(path))


def _check_in(root: Path, cases: Sequence[Case]) -> list[Problem]:
    by_name = {case.name: case for case in cases}
    names = [case.name for case in cases]
    orders = (list(cases), list(reversed(cases)))
    with ThreadPoolExecutor(2) as pool:  # the two runs side by side: one core each
        runs = list(pool.map(lambda order, seed: _run_driver(root, [c.name for c in order], seed),
                             orders, HASH_SEEDS))
    for run, order, hash_seed in zip(runs, orders, HASH_SEEDS, strict=True):
        if not run.completed:
            return _after_death(root, order, run, hash_seed)
    problems: list[Problem] = []
    for name in names:
        first, second = runs[0].records.get(name), runs[1].records.get(name)
        if first is None or second is None:
            problems.append(Problem(by_name[name], "missing", "the driver printed no result"))
            continue
        problems += judge(by_name[name], first)
        if first != second:
            problems.append(Problem(by_name[name], "nondeterministic",
                                    "two runs (files in opposite orders, PYTHONHASHSEED=1 and =2) "
                                    f"gave different answers:\n{_difference(first, second)}"))
    return problems


def _after_death(root: Path, cases: Sequence[Case], run: _Run, hash_seed: int) -> list[Problem]:
    problems = [p for case in cases if case.name in run.records
                for p in judge(case, run.records[case.name])]
    names = [case.name for case in cases]
    if run.started is None:  # died outside any file: blame the batch, file by file
        index, suspects = len(cases), list(cases)
    else:
        index = names.index(run.started)
        suspects = [cases[index]]
    for suspect in suspects:
        alone = _run_driver(root, [suspect.name], hash_seed)
        if not alone.completed:
            problems.append(Problem(suspect, alone.death(), alone.stderr))
            break
    else:
        culprit = cases[min(index, len(cases) - 1)]
        problems.append(Problem(culprit, run.death() + " only after other files in one process",
                                f"files before it: {names[:index]}\n{run.stderr}"))
    if index + 1 < len(cases):
        problems += _check_in(root, cases[index + 1:])
    return problems


def check(cases: Sequence[Case], work_dir: Path, save_dir: Path | None = None) -> list[Problem]:
    """Every problem ``cases`` show when the whole catalogue scans them in child processes.

    Files that show one are copied to ``save_dir`` (default: ``work_dir/found``) with a ``.txt``
    naming the problem and how the file was made.
    """
    work_dir.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="batch-", dir=work_dir))
    for case in cases:
        (root / case.name).write_bytes(case.data)
    problems = _check_in(root, cases)
    target = save_dir if save_dir is not None else work_dir / "found"
    return [_save(problem, target) for problem in problems]
