"""The fleet's repository list: arguments, ``@FILE`` and ``--from FILE`` lists, in order."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from perfaudit.errors import UsageError
from perfaudit.fleet.records import Kind, Target

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_SCP = re.compile(r"^[\w.-]+@[\w.-]+:")  # git@host:owner/repo
_TRAILING_COMMENT = re.compile(r"\s+#.*$")


def parse_list(text: str) -> tuple[str, ...]:
    """The entries of a repository list: one a line, blank lines and ``#`` comments left out
    (a ``#`` starts a comment at the line's start or after a space, so ``a#b`` is a name)."""
    entries = []
    for line in text.splitlines():
        entry = _TRAILING_COMMENT.sub("", line).strip()
        if entry and not entry.startswith("#"):
            entries.append(entry)
    return tuple(entries)


def is_url(spec: str) -> bool:
    """Whether ``spec`` names a remote for ``git clone`` rather than a local directory."""
    return bool(_SCHEME.match(spec) or _SCP.match(spec))


def target_of(spec: str, cwd: Path) -> Target:
    """The repository ``spec`` names: a URL as given, a path made absolute against ``cwd``.

    A URL carrying a password or an HTTP token is refused: the name of a target is stored in
    the history database, printed and written to the fleet report.
    """
    if is_url(spec):
        if _carries_secret(spec):
            raise UsageError(f"{_without_secret(spec)}: the URL carries a credential; give it "
                             "to git through a credential helper or SSH key instead")
        return Target(name=spec, kind=Kind.URL)
    return Target(name=str((cwd / Path(spec).expanduser()).resolve()), kind=Kind.PATH)


def _carries_secret(spec: str) -> bool:
    if not _SCHEME.match(spec):
        return False  # scp-like `user@host:path`: the user of an SSH key, not a secret
    try:
        parts = urlsplit(spec)
    except ValueError:
        return False
    return parts.password is not None or (
        parts.username is not None and parts.scheme.lower() in ("http", "https"))


def _without_secret(spec: str) -> str:
    parts = urlsplit(spec)
    host = parts.hostname or ""
    return urlunsplit((parts.scheme, f"{host}:{parts.port}" if parts.port else host,
                       parts.path, "", ""))


def expand(args: Iterable[str], lists: Iterable[str], read: Callable[[str], str]) -> tuple[str, ...]:
    """Every repository named by ``args`` (``@FILE`` reads FILE) and the ``lists`` files, in
    order; ``read`` returns a list file's text."""
    specs: list[str] = []
    for arg in args:
        specs.extend(parse_list(read(arg[1:])) if arg.startswith("@") else (arg,))
    for path in lists:
        specs.extend(parse_list(read(path)))
    return tuple(specs)


def targets_of(specs: Iterable[str], cwd: Path) -> tuple[Target, ...]:
    """The distinct repositories ``specs`` name, first mention first."""
    found: dict[str, Target] = {}
    for spec in specs:
        target = target_of(spec, cwd)
        found.setdefault(target.name, target)
    return tuple(found.values())
