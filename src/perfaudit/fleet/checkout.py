"""Git remotes for the fleet: the commit a remote's HEAD names, and shallow clones."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

CLONE_TIMEOUT_S = 900
_LS_REMOTE_TIMEOUT_S = 60


def _git(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    # a task has no terminal: a remote asking for credentials must fail, not wait forever
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    return subprocess.run(["git", *args], capture_output=True, text=True, check=False,
                          timeout=timeout, env=env)


def _reason(stderr: str) -> str:
    """git's first ``fatal:`` line (the cause; advice follows it), else its last line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    fatal = [line.removeprefix("fatal:").strip() for line in lines if line.startswith("fatal:")]
    return fatal[0] if fatal else (lines[-1] if lines else "no message")


def remote_head(url: str) -> str | None:
    """The commit ``url``'s HEAD names now, or None when the remote cannot say."""
    try:
        done = _git("ls-remote", "--", url, "HEAD", timeout=_LS_REMOTE_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return None
    fields = done.stdout.split()
    return fields[0] if done.returncode == 0 and fields else None


def clone(url: str, dest: Path) -> Path | str:
    """A shallow clone of ``url``'s default branch at ``dest``; why not, as one line, when
    the clone fails."""
    try:
        done = _git("clone", "--depth", "1", "--quiet", "--", url, str(dest),
                    timeout=CLONE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return f"git clone took longer than {CLONE_TIMEOUT_S} s"
    except OSError as exc:
        return f"cannot run git: {exc.strerror or exc}"
    if done.returncode != 0:
        return _reason(done.stderr)
    return dest
