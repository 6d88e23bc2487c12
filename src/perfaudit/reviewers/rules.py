"""The built-in rules reviewer: runs the rule catalogue over files, in parallel processes."""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from perfaudit.config import Config
from perfaudit.heat import FileSummary, summarize_tree
from perfaudit.heat.paths import is_hard, path_kind
from perfaudit.langversion import NearestGoVersion
from perfaudit.model import Diagnostic, Language, ReviewerRun, SourceFile
from perfaudit.reviewers.base import ReviewContext, ReviewResult
from perfaudit.reviewers.pool import Crashed, Pool
from perfaudit.rules.catalogue import load_catalogue, select_rules
from perfaudit.rules.catalogue.schema import Rule
from perfaudit.rules.engine.scan import REVIEWER, ScanResult, scan_parsed
from perfaudit.syntax.node import Root

_WORKER_RULES: tuple[Rule, ...] = ()
_KNOWN_RULES: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Task:
    root: str
    path: str
    language: str
    version: str | None


_WORKER_SELECTION: tuple[object, ...] | None = None


def _init_worker(select: tuple[str, ...], ignore: tuple[str, ...], preview: bool) -> None:
    """Load the selected catalogue; a forked worker finds it already loaded by its parent."""
    global _WORKER_RULES, _WORKER_SELECTION, _KNOWN_RULES  # noqa: PLW0603 - one catalogue per process
    if (select, ignore, preview) != _WORKER_SELECTION:
        catalogue = load_catalogue()
        _KNOWN_RULES = frozenset(rule.id for rule in catalogue)
        _WORKER_RULES = select_rules(catalogue, select, ignore, preview)
        _WORKER_SELECTION = (select, ignore, preview)


@dataclass(frozen=True, slots=True)
class _FileResult:
    """What a worker sends back for one file: its rule results and its heat summary."""

    scan: ScanResult
    summary: FileSummary | None = None


def _scan_task(task: _Task) -> _FileResult:
    try:
        with open(os.path.join(task.root, task.path), encoding="utf-8") as handle:
            source = handle.read()
        language = Language(task.language)
        parsed = Root(source, language)
        scan = scan_parsed(task.path, source, parsed, _WORKER_RULES, task.version,
                           known_rules=_KNOWN_RULES)
    except Exception as exc:  # one bad file must not stop the audit
        return _FileResult(ScanResult(diagnostics=(Diagnostic(
            source=REVIEWER, kind="scan-error", path=task.path,
            message=f"{type(exc).__name__}: {exc}"),)))
    # a file in a cold place stays cold whatever its summary says; skipping it costs only the
    # evidence that what it alone calls is cold too (a third of a Django tree is migrations)
    if is_hard(path_kind(task.path)):
        return _FileResult(scan)
    try:  # the same tree tells the heat model what this file's functions call
        summary = summarize_tree(task.path, parsed.tree.root_node, language)
    except Exception:  # heat is an estimate: a file without one is only unknown, not lost
        summary = None
    return _FileResult(scan, summary)


# diagnostics that mean a file's rules did not all run: the file counts as not reviewed
_LOST = frozenset({"scan-error", "engine-crash"})


def effective_jobs(jobs: int, files: int) -> int:
    """Worker processes to use: ``jobs`` (0 means every core), never more than the files."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, files))


def _crash_result(path: str, crash: Crashed) -> ScanResult:
    """What is left of a file that killed its worker twice: a diagnostic naming it."""
    return ScanResult(diagnostics=(Diagnostic(
        source=REVIEWER, kind="engine-crash", path=path,
        message=f"the rules engine crashed on this file twice ({crash.describe()}); "
                "it was not reviewed"),))


class RulesReviewer:
    """Reviewer ``rules``: perfaudit's built-in syntax-tree rules, offline."""

    name = "rules"

    def __init__(self, config: Config) -> None:
        self._config = config

    def _results(self, tasks: list[_Task], jobs: int) -> Iterator[tuple[int, _FileResult]]:
        """``(task index, result)`` as files finish. Files run in worker processes even at one
        job, so a file that crashes the engine costs that file alone, never the audit."""
        args = (self._config.select, self._config.ignore, self._config.preview)
        _init_worker(*args)  # a forked worker finds the catalogue loaded
        pool = Pool(_scan_task, jobs, setup=functools.partial(_init_worker, *args))
        for index, result in pool.results(tasks):
            yield index, (_FileResult(_crash_result(tasks[index].path, result))
                          if isinstance(result, Crashed) else result)

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        """Scan every file with the selected rules."""
        started = time.perf_counter()
        go = NearestGoVersion(ctx.root, ctx.versions.get("go"))
        tasks = [_Task(str(ctx.root), f.path, f.language.value,
                       go.for_file(f.path) if f.language is Language.GO
                       else ctx.versions.get(f.language.value))
                 for f in files]
        results: list[ScanResult] = [ScanResult()] * len(tasks)
        summaries: list[FileSummary] = []
        jobs = effective_jobs(self._config.jobs, len(tasks))
        for done, (index, result) in enumerate(self._results(tasks, jobs), 1):
            results[index] = result.scan
            if result.summary is not None:
                summaries.append(result.summary)
            ctx.progress(done)
        findings = [f for result in results for f in result.findings]
        diagnostics = [d for result in results for d in result.diagnostics]
        lost = {d.path for d in diagnostics if d.kind in _LOST}
        run = ReviewerRun(name=self.name, files_reviewed=len(files) - len(lost),
                          findings=len(findings), errors=len(lost),
                          duration_s=round(time.perf_counter() - started, 3))
        reviewed = frozenset(f.path for f in files if f.path not in lost)
        return ReviewResult(run=run, findings=tuple(findings), diagnostics=tuple(diagnostics),
                            reviewed=reviewed,
                            summaries=tuple(sorted(summaries, key=lambda s: s.path)))


def make_rules_reviewer(_name: str, config: Config) -> RulesReviewer:
    """Factory for the panel registry."""
    return RulesReviewer(config)
