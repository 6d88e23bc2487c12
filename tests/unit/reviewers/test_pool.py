"""Worker processes: a crashing task costs itself alone, and workers never outlive the parent."""

from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from perfaudit.reviewers.pool import Crashed, Pool


def _square_or_die(task: tuple[int, str]) -> int:
    value, marker_dir = task
    if value in (3, 7):
        marker = Path(marker_dir) / f"tried-{value}-{os.getpid()}"
        marker.write_text("")
        if value == 3 or len(list(Path(marker_dir).glob("tried-7-*"))) == 1:
            faulthandler.disable()  # pytest's handler would print the crash it is meant to be
            os.kill(os.getpid(), signal.SIGSEGV)  # 3 always dies; 7 dies only on its first try
    return value * value


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crashing_task_is_retried_alone_then_given_up(jobs: int, tmp_path: Path) -> None:
    tasks = [(n, str(tmp_path)) for n in range(12)]
    results = dict(Pool(_square_or_die, jobs, chunk_size=4).results(tasks))
    assert sorted(results) == list(range(12))
    assert results[3] == Crashed(-signal.SIGSEGV)
    assert results[3].describe() == "killed by SIGSEGV"  # type: ignore[union-attr]
    assert {n: r for n, r in results.items() if n != 3} == {n: n * n for n in range(12) if n != 3}
    assert len(list(tmp_path.glob("tried-3-*"))) == 2  # first try, then once alone
    assert len(list(tmp_path.glob("tried-7-*"))) == 2  # its retry alone succeeded


def test_no_tasks_start_no_workers() -> None:
    assert list(Pool(_square_or_die, 2).results([])) == []


def test_workers_exit_when_the_parent_is_killed(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    script = textwrap.dedent(f"""
        import os, sys, time
        from perfaudit.reviewers.pool import Pool

        def work(_task):
            with open({str(pids)!r}, "a") as out:
                out.write(f"{{os.getpid()}}\\n")
            time.sleep(60)
            return 0

        for _ in Pool(work, 2, chunk_size=1).results([1, 2]):
            pass
    """)
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(_read(pids)) < 2:
            time.sleep(0.05)
        workers = _read(pids)
        assert len(workers) == 2
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        parent.kill()
        parent.wait()
        for pid in _read(pids):
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _read(path: Path) -> list[int]:
    return [int(line) for line in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False
