"""The base commit of a GitHub pull request event, and making sure the checkout holds it."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path

from perfaudit.errors import UsageError

_SHA = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")
_GIT_TIMEOUT_S = 600


def read_event(path: Path) -> dict[str, object]:
    """The webhook payload GitHub wrote for this run (``GITHUB_EVENT_PATH``)."""
    try:
        event = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"cannot read the event payload {path}: {exc}") from exc
    if not isinstance(event, dict):
        raise UsageError(f"the event payload {path} is not a JSON object")
    return event


def _field(data: object, *keys: str) -> object:
    for key in keys:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def base_revision(event_name: str, event: Mapping[str, object]) -> str | None:
    """The commit a pull request (or a merge queue entry) is compared with; None for other
    events, which audit the whole checkout."""
    if event_name in {"pull_request", "pull_request_target"}:
        sha = _field(event, "pull_request", "base", "sha")
    elif event_name == "merge_group":
        sha = _field(event, "merge_group", "base_sha")
    else:
        return None
    if not isinstance(sha, str) or not _SHA.match(sha):
        raise UsageError(f"the {event_name} event names no base commit")
    return sha


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              check=False, timeout=_GIT_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"git {args[0]} failed: {exc}") from exc


def _has_commit(root: Path, sha: str) -> bool:
    return _git(root, "cat-file", "-e", f"{sha}^{{commit}}").returncode == 0


def _fetch(root: Path, remote: str, sha: str, *extra: str) -> str:
    args = ("fetch", "--no-tags", "--quiet", *extra, remote, sha)
    done = _git(root, *args)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise UsageError(f"cannot fetch the base commit {sha} from {remote}: {detail}")
    return "git " + " ".join(args)


def fetch_base(root: Path, sha: str, remote: str = "origin") -> list[str]:
    """Fetch what ``perfaudit audit --new-from-rev SHA`` needs; returns the git commands run.

    The merge-base of the base and HEAD must be reachable: a shallow checkout (the default of
    actions/checkout) is deepened to its whole history along with fetching the base; a full
    checkout that lacks the base (the base branch moved on) fetches only the base.
    """
    shallow = _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == "true"
    if shallow:
        return [_fetch(root, remote, sha, "--unshallow")]
    if _has_commit(root, sha):
        return []
    return [_fetch(root, remote, sha)]
