"""The built-in rules reviewer: runs the rule catalogue over files, in parallel processes."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from perfaudit.config import Config
from perfaudit.langversion import NearestGoVersion
from perfaudit.model import Diagnostic, Finding, Language, ReviewerRun, SourceFile
from perfaudit.reviewers.base import ReviewContext, ReviewResult
from perfaudit.rules import load_catalogue, select_rules
from perfaudit.rules.engine import REVIEWER, ScanResult, scan_source
from perfaudit.rules.schema import Rule

_WORKER_RULES: tuple[Rule, ...] = ()


@dataclass(frozen=True, slots=True)
class _Task:
    root: str
    path: str
    language: str
    version: str | None


_WORKER_SELECTION: tuple[object, ...] | None = None


def _init_worker(select: tuple[str, ...], ignore: tuple[str, ...], preview: bool) -> None:
    """Load the selected catalogue; a forked worker finds it already loaded by its parent."""
    global _WORKER_RULES, _WORKER_SELECTION  # noqa: PLW0603 - one catalogue per process
    if (select, ignore, preview) != _WORKER_SELECTION:
        _WORKER_RULES = select_rules(load_catalogue(), select, ignore, preview)
        _WORKER_SELECTION = (select, ignore, preview)


def _scan_task(task: _Task) -> ScanResult:
    try:
        with open(os.path.join(task.root, task.path), encoding="utf-8") as handle:
            source = handle.read()
        return scan_source(task.path, source, Language(task.language), _WORKER_RULES, task.version)
    except Exception as exc:  # one bad file must not stop the audit
        return ScanResult(diagnostics=(Diagnostic(
            source=REVIEWER, kind="scan-error", path=task.path,
            message=f"{type(exc).__name__}: {exc}"),))


def effective_jobs(jobs: int, files: int) -> int:
    """Worker processes to use: ``jobs`` (0 means every core), never more than the files."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, files))


class RulesReviewer:
    """Reviewer ``rules``: perfaudit's built-in syntax-tree rules, offline."""

    name = "rules"

    def __init__(self, config: Config) -> None:
        self._config = config

    def _results(self, tasks: list[_Task], jobs: int) -> Iterator[ScanResult]:
        args = (self._config.select, self._config.ignore, self._config.preview)
        _init_worker(*args)
        if jobs == 1:
            yield from map(_scan_task, tasks)
            return
        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=args) as pool:
            yield from pool.map(_scan_task, tasks, chunksize=8)

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        """Scan every file with the selected rules."""
        started = time.perf_counter()
        go = NearestGoVersion(ctx.root, ctx.versions.get("go"))
        tasks = [_Task(str(ctx.root), f.path, f.language.value,
                       go.for_file(f.path) if f.language is Language.GO
                       else ctx.versions.get(f.language.value))
                 for f in files]
        findings: list[Finding] = []
        diagnostics: list[Diagnostic] = []
        for done, result in enumerate(self._results(tasks, effective_jobs(self._config.jobs,
                                                                          len(tasks))), 1):
            findings.extend(result.findings)
            diagnostics.extend(result.diagnostics)
            ctx.progress(done)
        errors = sum(1 for d in diagnostics if d.kind == "scan-error")
        run = ReviewerRun(name=self.name, files_reviewed=len(files) - errors,
                          findings=len(findings), errors=errors,
                          duration_s=round(time.perf_counter() - started, 3))
        failed = {d.path for d in diagnostics if d.kind == "scan-error"}
        reviewed = frozenset(f.path for f in files if f.path not in failed)
        return ReviewResult(run=run, findings=tuple(findings), diagnostics=tuple(diagnostics),
                            reviewed=reviewed)


def make_rules_reviewer(_name: str, config: Config) -> RulesReviewer:
    """Factory for the panel registry."""
    return RulesReviewer(config)
