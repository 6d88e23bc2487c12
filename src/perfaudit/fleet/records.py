"""What the driver sends each fleet task and what the task sends back (frozen records)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """Where a repository comes from."""

    PATH = "path"
    URL = "url"


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    """One repository of the fleet: an absolute local path or a git URL, its name everywhere."""

    name: str
    kind: Kind


@dataclass(frozen=True, slots=True, kw_only=True)
class Selection:
    """The rule selection every audit of the fleet runs with (``--select`` / ``--ignore``)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The selection as stable text, order of the names aside."""
        return json.dumps([sorted(self.select), sorted(self.ignore)])


@dataclass(frozen=True, slots=True, kw_only=True)
class Stamp:
    """What a fleet audit's result depends on: the commit, the rule pack, the selection."""

    commit: str | None
    rule_pack: str
    selection: str

    def matches(self, other: Stamp | None) -> bool:
        """Whether an audit stamped ``other`` found what an audit stamped so would find."""
        return other is not None and self.commit is not None and self == other


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """One task's work: a repository, the selection, the driver's perfaudit, and the stamp of
    the repository's last complete fleet audit (None to audit it whatever changed)."""

    target: Target
    selection: Selection
    rule_pack: str
    """The driver's code digest: one run stamps every audit with the same rule pack."""
    tool_version: str
    previous: Stamp | None = None

    def stamp(self, commit: str | None) -> Stamp:
        """The stamp of this job's audit at ``commit``."""
        return Stamp(commit=commit, rule_pack=self.rule_pack, selection=self.selection.key)


@dataclass(frozen=True, slots=True, kw_only=True)
class Audited:
    """A repository audited: the report and what saving it needs, as plain text."""

    target: str
    stamp: Stamp
    report: str
    """The report's JSON (``codec.encode``)."""
    settings: str
    """The configuration the audit ran with, as JSON."""
    digests: tuple[tuple[str, str], ...] = ()
    """(path, SHA-256) of the files the audit reviewed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Unchanged:
    """A repository left alone: its commit and rule pack are those of its last fleet audit."""

    target: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Failed:
    """A repository that could not be audited, and why."""

    target: str
    reason: str


Outcome = Audited | Unchanged | Failed
