"""Reviewer ``ruff``: ruff's performance rules (PERF, FURB) normalised into perfaudit findings."""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import Any

from perfaudit.config import Config
from perfaudit.model import (
    Category,
    Diagnostic,
    Finding,
    Language,
    Location,
    ReviewerRun,
    Severity,
    SourceFile,
)
from perfaudit.reviewers.base import ReviewContext, ReviewResult
from perfaudit.reviewers.linters._proc import Completed, run_tool
from perfaudit.reviewers.locate import locate_files

NAME = "ruff"
SELECT = "PERF,FURB"
BATCH = 400
_VERSION = re.compile(r"^3\.(\d+)")
_OLDEST_MINOR, _NEWEST_MINOR = 7, 13
CATEGORIES: dict[str, Category] = {
    "PERF101": Category.ALLOCATION,
    "PERF102": Category.ALLOCATION,
    "PERF203": Category.LOOP_INVARIANT_WORK,
    "PERF401": Category.ALLOCATION,
    "PERF402": Category.ALLOCATION,
    "PERF403": Category.ALLOCATION,
    "FURB101": Category.IO,
    "FURB103": Category.IO,
    "FURB113": Category.ALLOCATION,
    "FURB129": Category.IO,
    "FURB131": Category.ALLOCATION,
    "FURB132": Category.ALGORITHMIC,
    "FURB140": Category.ALLOCATION,
    "FURB145": Category.ALLOCATION,
    "FURB171": Category.ALLOCATION,
    "FURB192": Category.ALGORITHMIC,
}
Which = Callable[[str], str | None]
Runner = Callable[[list[str], Path], Completed]


def find_executable(name: str) -> str | None:
    """``name`` on PATH, else next to the running interpreter (ruff installed in the same venv)."""
    found = shutil.which(name)
    if found:
        return found
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else None


def category_of(code: str) -> Category:
    """perfaudit category for a ruff code; other FURB codes are modernisations, not performance."""
    if code in CATEGORIES:
        return CATEGORIES[code]
    return Category.ALLOCATION if code.startswith("PERF") else Category.CORRECTNESS


def command(files: Sequence[str], ctx: ReviewContext, executable: str = "ruff") -> list[str]:
    """The ruff command line for ``files`` (paths relative to ``ctx.root``)."""
    argv = [executable, "check", "--select", SELECT, "--output-format", "json", "--no-cache",
            "--isolated", "--exit-zero"]
    found = _VERSION.match(ctx.versions.get(Language.PYTHON.value, ""))
    if found:  # clamped to the versions ruff >= 0.5 knows; outside them it refuses to run
        minor = min(max(int(found.group(1)), _OLDEST_MINOR), _NEWEST_MINOR)
        argv += ["--target-version", f"py3{minor}"]
    return [*argv, "--", *files]


def _relative(filename: str, root: Path) -> str:
    path = PurePath(filename)
    try:
        return path.relative_to(root).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:
        return path.as_posix()


def _finding(item: dict[str, Any], root: Path) -> Finding:
    code = str(item.get("code") or "ruff")
    start, end = item.get("location") or {}, item.get("end_location") or {}
    message = str(item.get("message", "")).strip()
    url = str(item.get("url") or "")
    fix = (item.get("fix") or {}).get("message") or (f"See {url}" if url else "See ruff's rule docs.")
    line = int(start.get("row", 1))
    return Finding(
        reviewer=NAME, rule=f"ruff:{code}", category=category_of(code), severity=Severity.P2,
        title=f"{code} {item.get('name') or message}", problem=message, fix=str(fix),
        location=Location(path=_relative(str(item.get("filename", "")), root), start_line=line,
                          end_line=max(line, int(end.get("row", line)))),
        references=(url,) if url else (),
    )


def parse(output: str, root: Path) -> list[Finding]:
    """Findings from ruff's ``--output-format json`` text; malformed items are skipped."""
    try:
        items = json.loads(output or "[]")
    except json.JSONDecodeError:
        return []
    if not isinstance(items, list):
        return []
    findings = [_finding(item, root) for item in items if isinstance(item, dict) and item.get("code")]
    return sorted(findings, key=lambda f: (f.location.path, f.location.start_line, f.rule or ""))


def wanted(finding: Finding, config: Config) -> bool:
    """Honour ``--ignore`` (``ruff:CODE``, a code, a category or ``ruff``) and ``ruff:`` selections."""
    rule = finding.rule or ""
    keys = {rule, rule.removeprefix("ruff:"), str(finding.category), NAME}
    if keys & set(config.ignore):
        return False
    chosen = {s for s in config.select if s.startswith("ruff:")}
    return not chosen or rule in chosen


def _batches(paths: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(paths), BATCH):
        yield paths[start:start + BATCH]


def _diagnostic(kind: str, message: str) -> Diagnostic:
    return Diagnostic(source=NAME, kind=kind, message=message)


def _check_output(result: Completed) -> Diagnostic | None:
    if result.error:
        return _diagnostic("reviewer-failed", f"ruff: {result.error}")
    if result.returncode not in (0, 1):
        first = (result.stderr.strip().splitlines() or ["no message"])[0]
        return _diagnostic("reviewer-failed", f"ruff exited {result.returncode}: {first}")
    try:
        ok = isinstance(json.loads(result.stdout or "[]"), list)
    except json.JSONDecodeError:
        ok = False
    return None if ok else _diagnostic("reviewer-failed", "ruff printed output that is not JSON")


class RuffReviewer:
    """Runs ``ruff check --select PERF,FURB`` over the Python files; absent ruff is no error."""

    name = NAME

    def __init__(self, config: Config, which: Which = find_executable, runner: Runner = run_tool):
        self._config = config
        self._which = which
        self._runner = runner

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        """Lint the Python files in batches; every batch that fails becomes a diagnostic."""
        started = time.perf_counter()
        executable = self._which("ruff")
        if executable is None:
            return ReviewResult(run=ReviewerRun(name=NAME, available=False),
                                diagnostics=(_diagnostic("reviewer-unavailable", "ruff not installed"),))
        paths = [f.path for f in files if f.language is Language.PYTHON]
        findings: list[Finding] = []
        diagnostics: list[Diagnostic] = []
        reviewed: set[str] = set()
        for batch in _batches(paths):
            result = self._runner(command(batch, ctx, executable), ctx.root)
            problem = _check_output(result)
            if problem is not None:
                diagnostics.append(problem)
                continue
            findings.extend(f for f in parse(result.stdout, ctx.root) if wanted(f, self._config))
            reviewed.update(batch)
        findings = locate_files(findings, ctx.root, Language.PYTHON)
        run = ReviewerRun(name=NAME, files_reviewed=len(reviewed), findings=len(findings),
                          errors=len(diagnostics), duration_s=round(time.perf_counter() - started, 3))
        return ReviewResult(run=run, findings=tuple(findings), diagnostics=tuple(diagnostics),
                            reviewed=frozenset(reviewed))


def make_ruff_reviewer(_name: str, config: Config) -> RuffReviewer:
    """Factory for the panel registry."""
    return RuffReviewer(config)
