"""Path kinds: code whose location says it runs once or never in production (pure).

Examples, tools, scripts, docs, test support and migrations are *hard* cold: nothing found
in them is worth a performance note. A command package (Go ``cmd/``, package ``main``) is
*soft* cold: its start-up code runs once, but a handler it defines still runs per request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeGuard

_HARD_DIRS = {
    "example": "example code", "examples": "example code", "_examples": "example code",
    "demo": "example code", "demos": "example code", "sample": "example code",
    "samples": "example code",
    "tools": "an offline tool", "tool": "an offline tool", "scripts": "a script",
    "script": "a script", "hack": "a development script", "devscripts": "a development script",
    "contrib": "contributed extras", "benchmark": "a benchmark tool",
    "benchmarks": "a benchmark tool", "bench": "a benchmark tool",
    "docs": "documentation", "doc": "documentation", "documentation": "documentation",
    "testing": "test support", "testutil": "test support", "testutils": "test support",
    "testhelpers": "test support", "test": "test support", "tests": "test support",
    "testdata": "test data", "fixtures": "test fixtures", "mock": "test mocks",
    "mocks": "test mocks", "fake": "test fakes", "fakes": "test fakes",
    "e2e": "end-to-end tests", "integration": "integration tests",
    "migrations": "a database migration", "alembic": "a database migration",
}
_HARD_SUFFIX = re.compile(r"(?i)^[a-z0-9]+(test|testing|testutils?)$")
_HARD_FILES = {
    "conftest.py": "test support", "setup.py": "packaging", "noxfile.py": "a development script",
    "manage.py": "a management script", "fabfile.py": "a development script",
}
_HARD_FILE = re.compile(r"(?i)(^|_)(test_?utils?|testing|testhelpers?|mock|mocks|fake)\.(go|py)$")
_MANAGEMENT = re.compile(r"(^|/)management/commands/")


@dataclass(frozen=True, slots=True)
class PathKind:
    """Why a path is cold, and whether a hot entry point inside it still counts (soft)."""

    reason: str
    soft: bool = False


def is_hard(kind: PathKind | None) -> TypeGuard[PathKind]:
    """Whether ``kind`` is hard cold: nothing in such a file runs hot, whoever calls it."""
    return kind is not None and not kind.soft


def path_kind(path: str, go_package_main: bool = False) -> PathKind | None:
    """The cold kind of a repository path, or None for ordinary library or service code."""
    parts = path.split("/")
    directories, name = parts[:-1], parts[-1]
    for directory in directories:
        lowered = directory.lower()
        if lowered in _HARD_DIRS:
            return PathKind(f"in {_HARD_DIRS[lowered]} (`{directory}/`)")
        if _HARD_SUFFIX.match(lowered) and lowered not in ("latest", "contest"):
            return PathKind(f"in test support (`{directory}/`)")
    if name in _HARD_FILES:
        return PathKind(f"in {_HARD_FILES[name]} (`{name}`)")
    if _HARD_FILE.search(name):
        return PathKind(f"in test support (`{name}`)")
    if _MANAGEMENT.search(path):
        return PathKind("in a management command: runs once per invocation")
    if "cmd" in directories or go_package_main:
        return PathKind("in a command's package (`main`): start-up runs once", soft=True)
    return None
