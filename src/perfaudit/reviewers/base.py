"""The reviewer protocol: files in, findings and diagnostics out, never an exception per file."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from perfaudit.config import Config
from perfaudit.model import Diagnostic, Finding, ReviewerRun, Skip, SourceFile

ProgressFn = Callable[[int], None]


def _no_progress(_done: int) -> None:
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewContext:
    """What a reviewer may know about the run besides the files."""

    root: Path
    config: Config
    versions: Mapping[str, str] = field(default_factory=dict)
    progress: ProgressFn = _no_progress


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewResult:
    """One reviewer's output: findings, problems met, and which files it really reviewed."""

    run: ReviewerRun
    findings: tuple[Finding, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    reviewed: frozenset[str] = frozenset()
    skipped: tuple[Skip, ...] = ()


class Reviewer(Protocol):
    """Anything that turns source files into findings."""

    name: str

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        """Review ``files``; per-file problems go into the result's diagnostics."""
        ...


ReviewerFactory = Callable[[str, Config], Reviewer]
