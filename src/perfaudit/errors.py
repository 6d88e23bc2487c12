"""Errors that stop a run, each carrying its exit code.

Hierarchy::

    PerfauditError            exit 3, internal error
    ├── UsageError            exit 2, bad path, flag or argument
    │   └── ConfigError       exit 2, unusable configuration file
    └── RuleError             exit 3, a built-in rule that does not load

Per-file and per-reviewer problems are never raised: they become
``model.Diagnostic`` values in the report and the run goes on. A run that lost work that way
(a reviewer failed or unavailable, a rule error, a file lost to a crash) exits 4, incomplete,
unless the user passes ``--allow-incomplete``.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INCOMPLETE = 4  # the audit ran, but part of what was asked was not done (see the report)


class PerfauditError(Exception):
    """Root of perfaudit's own errors."""

    exit_code = EXIT_INTERNAL


class UsageError(PerfauditError):
    """The user asked for something that cannot be done as asked."""

    exit_code = EXIT_USAGE


class ConfigError(UsageError):
    """A configuration file is unreadable or invalid."""


class RuleError(PerfauditError):
    """A rule folder is malformed."""


def install_hint(extra: str) -> str:
    """How to add one of perfaudit's optional extras (perfaudit is installed from its
    repository until it is published)."""
    return f"install perfaudit's `{extra}` extra (`pip install '.[{extra}]'` in perfaudit's clone)"
