"""The built-in rules reviewer: runs the rule catalogue over files, in parallel processes."""

from __future__ import annotations

import functools
import gc
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from perfaudit.config import Config
from perfaudit.discover import content_digest
from perfaudit.heat.paths import is_hard, path_kind
from perfaudit.heat.summary import FileSummary
from perfaudit.langversion import NearestGoModule
from perfaudit.model import Diagnostic, Language, ReviewerRun, SourceFile
from perfaudit.reviewers import cached
from perfaudit.reviewers.base import ReviewContext, ReviewResult
from perfaudit.reviewers.cached import FileResult
from perfaudit.rules.engine.result import REVIEWER, ScanResult

if TYPE_CHECKING:  # the engine, parsers, catalogue and pool load only when a file is scanned
    from perfaudit.reviewers.pool import Crashed
    from perfaudit.rules.catalogue.schema import Rule

_WORKER_RULES: tuple[Rule, ...] = ()
_KNOWN_RULES: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Task:
    root: str
    path: str
    language: str
    version: str | None
    module: str = ""
    """The module paths a Go file's tree holds (``GoModule.scope``, "" when unknown): what its
    heat summary depends on too."""


_WORKER_SELECTION: tuple[object, ...] | None = None


def _init_worker(select: tuple[str, ...], ignore: tuple[str, ...], preview: bool) -> None:
    """Load the selected catalogue; a forked worker finds it already loaded by its parent."""
    global _WORKER_RULES, _WORKER_SELECTION, _KNOWN_RULES  # noqa: PLW0603 - one catalogue per process
    gc.enable()  # a worker forked while the parent paused collection must still collect
    from perfaudit.rules.catalogue import installed_catalogue, select_rules

    if (select, ignore, preview) != _WORKER_SELECTION:
        catalogue = installed_catalogue()
        _KNOWN_RULES = frozenset(rule.id for rule in catalogue)
        _WORKER_RULES = select_rules(catalogue, select, ignore, preview)
        _WORKER_SELECTION = (select, ignore, preview)


@dataclass(frozen=True, slots=True)
class _Done:
    """What a worker sends back for one file: its result and the digest of the bytes it read."""

    result: FileResult
    digest: str = ""


def _scan_task(task: _Task) -> _Done:
    try:
        with open(os.path.join(task.root, task.path), "rb") as handle:
            data = handle.read()
        digest, source = content_digest(data), data.decode("utf-8")
    except Exception as exc:  # one bad file must not stop the audit
        return _Done(_lost(task.path, exc))
    return _Done(_scan_source(task, source), digest)


def _lost(path: str, exc: Exception) -> FileResult:
    return FileResult(ScanResult(diagnostics=(Diagnostic(
        source=REVIEWER, kind="scan-error", path=path,
        message=f"{type(exc).__name__}: {exc}"),)))


def _scan_source(task: _Task, source: str) -> FileResult:
    """The rules' results and the heat summary of one file's text."""
    from perfaudit.heat import summarize_tree
    from perfaudit.rules.engine.scan import scan_parsed
    from perfaudit.syntax.node import Root

    try:
        language = Language(task.language)
        parsed = Root(source, language)
        scan = scan_parsed(task.path, source, parsed, _WORKER_RULES, task.version,
                           known_rules=_KNOWN_RULES)
    except Exception as exc:  # one bad file must not stop the audit
        return _lost(task.path, exc)
    # a file in a cold place stays cold whatever its summary says; skipping it costs only the
    # evidence that what it alone calls is cold too (a third of a Django tree is migrations)
    if is_hard(path_kind(task.path)):
        return FileResult(scan)
    try:  # the same tree tells the heat model what this file's functions call
        summary = summarize_tree(task.path, parsed.tree.root_node, language, task.module)
    except Exception:  # heat is an estimate: a file without one is only unknown, not lost
        summary = None
    return FileResult(scan, summary)


_SAVE_EVERY = 256
# diagnostics that mean a file's rules did not all run: the file counts as not reviewed
_LOST = frozenset({"scan-error", "engine-crash"})
# results that may not recur (a rule that raised, a crash) are never cached
_NOT_KEPT = _LOST | {"rule-error"}


def _tasks(ctx: ReviewContext, files: Sequence[SourceFile]) -> list[_Task]:
    go = ctx.go_modules or NearestGoModule(ctx.root, ctx.versions.get("go"))
    tasks = []
    for f in files:
        if f.language is Language.GO:
            module = go.for_file(f.path)
            tasks.append(_Task(str(ctx.root), f.path, f.language.value, module.version,
                               module.scope))
        else:
            tasks.append(_Task(str(ctx.root), f.path, f.language.value,
                               ctx.versions.get(f.language.value)))
    return tasks


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

    def _results(self, tasks: list[_Task], jobs: int, started: Callable[[], None]
                 ) -> Iterator[tuple[int, _Done]]:
        """``(task index, result)`` as files finish. Files run in worker processes even at one
        job, so a file that crashes the engine costs that file alone, never the audit. Each
        worker loads the catalogue itself, while this process does ``started``."""
        from perfaudit.reviewers.pool import Crashed, Pool

        args = (self._config.select, self._config.ignore, self._config.preview)
        pool = Pool(_scan_task, jobs, setup=functools.partial(_init_worker, *args))
        for index, result in pool.results(tasks, started):
            yield index, (_Done(FileResult(_crash_result(tasks[index].path, result)))
                          if isinstance(result, Crashed) else result)

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        """Scan every file with the selected rules (reusing cached results of unchanged files)."""
        started = time.perf_counter()
        tasks = _tasks(ctx, files)
        store = _Store(ctx, self._config, tasks, [f.digest for f in files])
        results = store.scans()
        hits = [i for i, result in enumerate(results) if result is not None]
        for done, _index in enumerate(hits, 1):
            ctx.progress(done)
        misses = [i for i, result in enumerate(results) if result is None]
        # fetched only if heat must be answered anew, or while workers scan what changed
        summaries = cached.Summaries(functools.partial(store.summaries, hits))
        fresh: dict[int, _Done] = {}
        if misses:
            jobs = effective_jobs(self._config.jobs, len(misses))
            for done, (index, outcome) in enumerate(self._results(
                    [tasks[i] for i in misses], jobs, summaries.decode_cached), len(hits) + 1):
                fresh[misses[index]] = outcome
                store.keep(misses[index], outcome)
                ctx.progress(done)
        store.save()
        scans = [fresh[i].result.scan if i in fresh else result or ScanResult()
                 for i, result in enumerate(results)]
        summaries.add(d.result.summary for d in fresh.values() if d.result.summary is not None)
        return self._result(files, scans, summaries, started,
                            hits=len(hits) if store.enabled else 0,
                            misses=len(misses) if store.enabled else 0)

    def _result(self, files: Sequence[SourceFile], scans: list[ScanResult],
                summaries: Sequence[FileSummary], started: float, *, hits: int,
                misses: int) -> ReviewResult:
        findings = [f for scan in scans for f in scan.findings]
        diagnostics = [d for scan in scans for d in scan.diagnostics]
        lost = {d.path for d in diagnostics if d.kind in _LOST}
        run = ReviewerRun(name=self.name, files_reviewed=len(files) - len(lost),
                          findings=len(findings), errors=len(lost),
                          duration_s=round(time.perf_counter() - started, 3),
                          cache_hits=hits, cache_misses=misses)
        reviewed = frozenset(f.path for f in files if f.path not in lost)
        return ReviewResult(run=run, findings=tuple(findings), diagnostics=tuple(diagnostics),
                            reviewed=reviewed, summaries=summaries)


class _Store:
    """The rules reviewer's view of the result cache: keys for its tasks, JSON values."""

    def __init__(self, ctx: ReviewContext, config: Config, tasks: list[_Task],
                 digests: list[str]) -> None:
        self._cache = ctx.cache if ctx.cache is not None and ctx.cache.usable else None
        self.enabled = self._cache is not None
        self._tasks, self._digests = tasks, digests
        self._namespace = (cached.namespace(config.select, config.ignore, config.preview)
                           if self.enabled else "")
        self._scans: dict[str, bytes] = {}
        self._summaries: dict[str, bytes] = {}

    def _key(self, index: int, digest: str) -> str:
        task = self._tasks[index]
        return cached.file_key(task.path, task.language, task.version, digest)

    def _summary_key(self, index: int, digest: str) -> str:
        task = self._tasks[index]
        return cached.file_key(task.path, task.language, task.module or None, digest)

    def scans(self) -> list[ScanResult | None]:
        """Each task's cached rule results, or None (a miss, or a value that does not decode)."""
        if self._cache is None:
            return [None] * len(self._tasks)
        keys = [self._key(i, d) if d else "" for i, d in enumerate(self._digests)]
        values = self._cache.get_many(self._namespace, (k for k in keys if k))
        return [_decoded(values.get(key)) if key else None for key in keys]

    def summaries(self, indexes: list[int]) -> list[bytes]:
        """The cached heat summaries of the files at ``indexes`` (those stored)."""
        if self._cache is None:
            return []
        keys = [self._summary_key(i, self._digests[i]) for i in indexes]
        return list(self._cache.get_many(cached.summary_namespace(), keys).values())

    def keep(self, index: int, done: _Done) -> None:
        """Encode a file reviewed afresh, to store at :meth:`save` (done as results arrive,
        while the workers scan); not a file whose review was lost (a crash may not recur)."""
        if self._cache is None or not done.digest or any(
                d.kind in _NOT_KEPT for d in done.result.scan.diagnostics):
            return
        self._scans[self._key(index, done.digest)] = cached.encode_scan(done.result.scan)
        if done.result.summary is not None:
            self._summaries[self._summary_key(index, done.digest)] = cached.encode_summary(
                done.result.summary)
        if len(self._scans) >= _SAVE_EVERY:  # a cold audit never holds every file's values
            self.save()

    def save(self) -> None:
        """Store what :meth:`keep` encoded."""
        if self._cache is not None:
            self._cache.put_many(self._namespace, self._scans)
            self._cache.put_many(cached.summary_namespace(), self._summaries)
        self._scans, self._summaries = {}, {}


def _decoded(value: bytes | None) -> ScanResult | None:
    if value is None:
        return None
    try:
        return cached.decode_scan(value)
    except Exception:  # a damaged entry is a miss, whatever it makes the decoder do
        return None


def make_rules_reviewer(_name: str, config: Config) -> RulesReviewer:
    """Factory for the panel registry."""
    return RulesReviewer(config)
