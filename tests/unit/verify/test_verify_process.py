"""The round runner stops a command and everything it started when the time is up."""

from __future__ import annotations

import sys
from pathlib import Path

from perfaudit.verify.process import run

# The grandchild inherits the output pipes: if it survived, reading them would block for 60 s.
SPAWNS = ("import subprocess, sys, time; "
          "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
          "print('started', flush=True); time.sleep(60)")


def test_timeout_kills_the_process_group(tmp_path: Path) -> None:
    done = run([sys.executable, "-c", SPAWNS], tmp_path, timeout_s=1.0)
    assert done.timed_out and "started" in done.stdout


def test_normal_exit(tmp_path: Path) -> None:
    done = run([sys.executable, "-c", "import sys; print('ok'); sys.exit(3)"], tmp_path, 30)
    assert (done.returncode, done.stdout, done.timed_out) == (3, "ok\n", False)
