"""The only place that knows stage order: discover, review, consolidate, assemble the report."""

from __future__ import annotations

import hashlib
import json
import posixpath
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from perfaudit import __version__, gitinfo
from perfaudit.completeness import incomplete_reasons
from perfaudit.config import Config
from perfaudit.consolidate import consolidate, plan_actions
from perfaudit.discover import Discovery, Seen, discover_files
from perfaudit.errors import UsageError
from perfaudit.heat import HeatModel
from perfaudit.heat.collect import summaries_for
from perfaudit.heat.replay import Recording, Replay
from perfaudit.heat.tiers import weigh
from perfaudit.installation import code_digest
from perfaudit.langversion import NearestGoModule, detect_versions
from perfaudit.model import (
    AuditInfo,
    ConsolidatedFinding,
    Diagnostic,
    Finding,
    Language,
    Report,
    ReviewerRun,
    SourceFile,
    Tier,
)
from perfaudit.reviewers import build_panel
from perfaudit.reviewers.base import (
    ProgressFn,
    ReviewContext,
    Reviewer,
    ReviewResult,
    no_progress,
)
from perfaudit.reviewers.cached import paused_gc
from perfaudit.store.cache import ResultCache
from perfaudit.store.db import database_path, ignore_outputs

SCHEMA_VERSION = "1.0"
Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)



@dataclass(frozen=True, slots=True, kw_only=True)
class Hooks:
    """Injected effects: the clock, and a progress callback told the file total then each step."""

    clock: Clock = _utc_now
    on_start: Callable[[int], None] = no_progress
    progress: ProgressFn = no_progress
    audit_id: Callable[[datetime], str] = field(
        default=lambda when: f"{when:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}")
    on_discovered: Callable[[tuple[SourceFile, ...]], None] = lambda _files: None


def resolve_root(path: str) -> Path:
    """The audit target as an absolute directory, or a usage error."""
    root = Path(path).expanduser()
    if not root.exists():
        raise UsageError(f"no such path: {path}")
    if not root.is_dir():
        raise UsageError(f"not a directory: {path}")
    return root.resolve()


FilesFor = Callable[[Reviewer, tuple[SourceFile, ...]], Sequence[SourceFile]]


def every_file(_reviewer: Reviewer, files: tuple[SourceFile, ...]) -> Sequence[SourceFile]:
    """Give a reviewer every discovered file."""
    return files


@dataclass(frozen=True, slots=True, kw_only=True)
class Reviewed:
    """One pass over a tree: the files discovered, each reviewer's result, the findings."""

    discovery: Discovery
    versions: Mapping[str, str]
    results: tuple[ReviewResult, ...]
    coverage: Mapping[str, frozenset[str]]
    findings: tuple[ConsolidatedFinding, ...]

    notes: tuple[Diagnostic, ...] = ()
    """Diagnostics of the run itself (a result cache that had to be rebuilt)."""

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Discovery's diagnostics, each reviewer's, then the run's own."""
        return (*self.discovery.diagnostics, *(d for r in self.results for d in r.diagnostics),
                *self.notes)


def run_reviewer(reviewer: Reviewer, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
    """``reviewer``'s result on ``files``; one that raises gives a failed run and a diagnostic."""
    try:
        return reviewer.review(files, ctx)
    except Exception as exc:
        message = f"reviewer failed: {type(exc).__name__}: {exc}"
        return ReviewResult(
            run=ReviewerRun(name=reviewer.name, errors=1),
            diagnostics=(Diagnostic(source=reviewer.name, kind="reviewer-failed", message=message),),
        )


@dataclass(frozen=True, slots=True)
class Focus:
    """The files an audit reports on, when not the whole tree (paths relative to the root).

    ``packages_only``: review only the directories (Go packages, Python packages) holding
    them, so heat comes from their package; otherwise the whole tree is reviewed, from the
    cache where it did not change, and only the report is narrowed.
    """

    paths: frozenset[str]
    packages_only: bool = False

    @property
    def directories(self) -> frozenset[str]:
        """The directories holding the focus files ("" for the root)."""
        return frozenset(posixpath.dirname(path) for path in self.paths)


def review_panel(root: Path, config: Config, panel: Sequence[Reviewer], hooks: Hooks,
                 files_for: FilesFor = every_file, *, focus: Focus | None = None) -> Reviewed:
    """Discover the files under ``root``, review them with ``panel`` (each reviewer the files
    ``files_for`` gives it), then consolidate what the reviewers found."""
    versions = detect_versions(root)
    within = focus.directories if focus is not None and focus.packages_only else None
    cache = open_cache(root, config)
    readings = _Readings(cache, root, config)
    discovery = discover_files(root, include_tests=config.include_tests,
                               max_file_bytes=config.max_file_bytes, exclude=config.exclude,
                               within=within, remembered=readings.load(within))
    readings.save(discovery.seen)
    hooks.on_discovered(discovery.files)
    plan = [(reviewer, files_for(reviewer, discovery.files)) for reviewer in panel]
    hooks.on_start(sum(len(files) for _reviewer, files in plan))
    go_modules = NearestGoModule(root, versions.get("go"))
    ctx = ReviewContext(root=root, config=config, versions=versions, progress=hooks.progress,
                        cache=cache, go_modules=go_modules)
    try:
        results = tuple(run_reviewer(reviewer, files, ctx) for reviewer, files in plan)
        raw = [f for result in results for f in result.findings]
        if raw:
            raw = _weighed(root, discovery.files, results, raw, cache, go_modules=go_modules)
    finally:
        if cache is not None:
            cache.close()
    coverage = {result.run.name: result.reviewed for result in results}
    findings = consolidate(raw, coverage, config.severity_policy)
    notes: tuple[Diagnostic, ...] = ()
    if cache is not None and cache.rebuilt:
        notes = (Diagnostic(source="cache", kind="cache-rebuilt", path=None,
                            message=f"the result cache {cache.path} could not be read "
                                    f"({cache.rebuilt}); it was made anew"),)
    elif cache is not None and cache.refused:
        notes = (Diagnostic(source="cache", kind="cache-refused", path=None,
                            message=f"{cache.path} is not a perfaudit cache ({cache.refused}); "
                                    "it was left alone and no cache was used"),)
    return Reviewed(discovery=discovery, versions=versions, results=results, coverage=coverage,
                    findings=findings, notes=notes)


class _Readings:
    """Discovery's readings of files in the result cache, by path, for one root and size limit."""

    def __init__(self, cache: ResultCache | None, root: Path, config: Config) -> None:
        self._cache = cache
        self._namespace = f"files:{code_digest()}:{config.max_file_bytes}:{root}"

    def load(self, within: frozenset[str] | None = None) -> dict[str, Seen]:
        """The readings remembered (those that decode), of files directly in the directories
        ``within`` when given."""
        if self._cache is None:
            return {}
        remembered = {}
        for path, value in self._cache.get_all(self._namespace).items():
            if within is not None and posixpath.dirname(path) not in within:
                continue
            try:
                remembered[path] = Seen.from_json(json.loads(value))
            except Exception:  # a damaged reading: the file is read again
                continue
        return remembered

    def save(self, seen: Mapping[str, Seen]) -> None:
        """Remember the readings made now."""
        if self._cache is not None and seen:
            self._cache.put_many(self._namespace, {
                path: json.dumps(reading.to_json(), separators=(",", ":")).encode()
                for path, reading in seen.items()})


def _weighed(root: Path, files: Sequence[SourceFile], results: Sequence[ReviewResult],
             raw: list[Finding], cache: ResultCache | None, *,
             go_modules: NearestGoModule) -> list[Finding]:
    """``raw`` with the tiers heat gives them; the heat model's answers are replayed from the
    cache when the same files were weighed with the same questions before."""
    key = _heat_key(files, raw, go_modules)
    stored = cache.get_many(_heat_namespace(), [key]).get(key) if cache is not None else None
    if stored is not None:
        try:
            return list(weigh(raw, Replay(stored)))
        except Exception:  # not a recording of these questions: answer them afresh
            pass
    with paused_gc():
        known = [s for result in results for s in result.summaries]
        try:
            recording = Recording(HeatModel(summaries_for(root, files, known, go_modules)))
            weighed = list(weigh(raw, recording))
        except (TypeError, ValueError, AttributeError, KeyError, IndexError):
            # a damaged cache gave summaries of the wrong shape: answer from the files (a bug
            # in the model itself fails again here, and is not hidden)
            recording = Recording(HeatModel(summaries_for(root, files, [], go_modules)))
            weighed = list(weigh(raw, recording))
    if cache is not None:
        cache.put_many(_heat_namespace(), {key: recording.encode()})
    return weighed


def _heat_namespace() -> str:
    return f"heat:{code_digest()}"


def _heat_key(files: Sequence[SourceFile], raw: Sequence[Finding],
              go_modules: NearestGoModule) -> str:
    """A digest of every input of the heat model (each file's path, language, content and Go
    module) and of the questions weighing asks (the findings' lines)."""
    digest = hashlib.blake2b(digest_size=16)
    for file in sorted(files, key=lambda f: f.path):
        module = go_modules.for_file(file.path).scope if file.language is Language.GO else ""
        digest.update(f"{file.path}\0{file.language.value}\0{file.digest}\0{module}\n".encode())
    for path, line in sorted({(f.location.path, f.location.start_line) for f in raw}):
        digest.update(f"{path}\0{line}\n".encode())
    return digest.hexdigest()


def open_cache(root: Path, config: Config) -> ResultCache | None:
    """The result cache the config names, or None with ``--no-cache``, when it would be the
    history database, or when git tracks it (a committed cache could hide a change's
    findings from a CI gate)."""
    if not config.cache:
        return None
    path = database_path(root, config.cache_path)
    if path.resolve() == database_path(root, config.database).resolve() or gitinfo.tracks(
            root, path):
        return None
    own = path.parent == root / ".perfaudit"
    cache = ResultCache(path, generation=code_digest(), may_rebuild=own)
    if own:
        ignore_outputs(path.parent)
    return cache


def _with_coverage(result: ReviewResult) -> ReviewerRun:
    """The reviewer's run record carrying the files it left out, and why."""
    if not result.skipped:
        return result.run
    return replace(result.run, not_reviewed=tuple(sorted(result.skipped, key=lambda s: s.path)))


def run_audit(root: Path, config: Config, hooks: Hooks | None = None,
              focus: Focus | None = None) -> Report:
    """Audit ``root`` with the configured panel and return the whole report (on the
    ``focus`` files only, when given)."""
    hooks = hooks or Hooks()
    started = hooks.clock()
    reviewed = review_panel(root, config, build_panel(config.reviewers, config), hooks,
                            focus=focus)
    discovery, diagnostics = reviewed.discovery, reviewed.diagnostics
    if focus is not None:  # a file lost outside the focus does not make its report incomplete
        diagnostics = tuple(d for d in diagnostics if d.path is None or d.path in focus.paths)
    found = reviewed.findings if focus is None else tuple(
        f for f in reviewed.findings if f.location.path in focus.paths)
    left_out = Counter(f.tier for f in found if not f.tier.reported)
    shown = _renumbered(found if config.show_all else (f for f in found if f.tier.reported))
    scanned = discovery.files if focus is None else tuple(
        f for f in discovery.files if f.path in focus.paths)
    skips = discovery if focus is None else replace(discovery, unsupported=0, skipped=tuple(
        s for s in discovery.skipped if s.path in focus.paths))
    runs = tuple(_with_coverage(r) for r in reviewed.results)
    incomplete = incomplete_reasons(runs, diagnostics)
    audit = AuditInfo(
        id=hooks.audit_id(started), target=str(root), commit=gitinfo.head_commit(root),
        started=started.isoformat(timespec="seconds"),
        finished=hooks.clock().isoformat(timespec="seconds"), tool_version=__version__,
        language_versions=dict(reviewed.versions), reviewers=runs,
        files_scanned=len(scanned), lines_scanned=sum(f.lines for f in scanned),
        focus=() if focus is None else tuple(sorted(focus.paths)),
        skipped=skips.skip_counts(), skipped_files=skips.skipped,
        diagnostics=diagnostics, repository_url=gitinfo.repository_url(root),
        path_prefix=gitinfo.subdirectory(root),
        complete=not incomplete, incomplete_reasons=incomplete,
        cold_matches=left_out[Tier.COLD], unproven_matches=left_out[Tier.UNPROVEN],
        cold_shown=config.show_all,
    )
    return Report(schema_version=SCHEMA_VERSION, audit=audit, findings=shown,
                  actions=plan_actions(tuple(f for f in shown if f.tier is Tier.FINDING)))


def _renumbered(findings: Iterable[ConsolidatedFinding]) -> tuple[ConsolidatedFinding, ...]:
    """``findings`` numbered 1.. in their order (after cold matches were left out)."""
    return tuple(replace(f, number=n) for n, f in enumerate(findings, 1))
