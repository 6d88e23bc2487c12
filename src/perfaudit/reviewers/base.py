"""The reviewer protocol: files in, findings and diagnostics out, never an exception per file."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from perfaudit.config import Config
from perfaudit.heat.summary import FileSummary
from perfaudit.langversion import NearestGoModule
from perfaudit.model import Diagnostic, Finding, ReviewerRun, Skip, SourceFile
from perfaudit.store.cache import ResultCache

ProgressFn = Callable[[int], None]


def no_progress(_done: int) -> None:
    """A progress callback that reports nothing."""
    return None


class CostLedger:
    """Money spent (and reserved by requests in flight) across the reviewers of one audit."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._spent = 0.0
        self._reserved = 0.0

    @property
    def spent(self) -> float:
        """US dollars spent so far."""
        with self._lock:
            return self._spent

    def reserve(self, amount: float, limit: float | None) -> bool:
        """Hold ``amount`` for a request unless that could pass ``limit`` (None: no limit)."""
        with self._lock:
            if limit is not None and self._spent + self._reserved + amount > limit:
                return False
            self._reserved += amount
            return True

    def settle(self, reserved: float, actual: float) -> None:
        """Replace a reservation by what the request really cost."""
        with self._lock:
            self._reserved = max(0.0, self._reserved - reserved)
            self._spent += actual


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewContext:
    """What a reviewer may know about the run besides the files."""

    root: Path
    config: Config
    versions: Mapping[str, str] = field(default_factory=dict)
    progress: ProgressFn = no_progress
    ledger: CostLedger = field(default_factory=CostLedger)
    cache: ResultCache | None = None
    """Results of earlier runs by content (None: ``--no-cache``, or no cache could be opened)."""
    go_modules: NearestGoModule | None = None
    """Each Go file's module (version and path); None: read from ``root`` when needed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewResult:
    """One reviewer's output: findings, problems met, and which files it really reviewed."""

    run: ReviewerRun
    findings: tuple[Finding, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    reviewed: frozenset[str] = frozenset()
    skipped: tuple[Skip, ...] = ()
    summaries: Sequence[FileSummary] = ()
    """Heat summaries of the files this reviewer parsed anyway (the heat model reuses them)."""


class Reviewer(Protocol):
    """Anything that turns source files into findings."""

    name: str

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        """Review ``files``; per-file problems go into the result's diagnostics."""
        ...


ReviewerFactory = Callable[[str, Config], Reviewer]
