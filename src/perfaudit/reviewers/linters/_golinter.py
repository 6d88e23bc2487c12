"""Shared plumbing of the Go linter reviewers: find modules, run the tool, keep what it found."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from perfaudit.model import Diagnostic, Finding, Language, ReviewerRun, SourceFile
from perfaudit.reviewers.base import ReviewContext, ReviewResult
from perfaudit.reviewers.linters import _proc
from perfaudit.reviewers.locate import locate_files
from perfaudit.wording import plural

Parse = Callable[[str], list[Finding]]
Command = Callable[[str], list[str]]


def module_dirs(root: Path, files: Sequence[SourceFile]) -> list[str]:
    """Repo-relative directories of the Go modules holding ``files`` ("" for the root)."""
    found: set[str] = set()
    for file in files:
        parent = PurePosixPath(file.path).parent
        for directory in (parent, *parent.parents):
            rel = "" if str(directory) == "." else str(directory)
            if (root / rel / "go.mod").is_file():
                found.add(rel)
                break
        else:
            found.add("")
    return sorted(found)


def repo_relative(raw: str, root: str, cwd: str) -> str | None:
    """``raw`` (absolute, or relative to ``cwd``) as a POSIX path relative to ``root``.

    None when the path lies outside ``root``. Pure: no filesystem access.
    """
    if not raw:
        return None
    path = raw if os.path.isabs(raw) else os.path.join(cwd, raw)
    rel = os.path.relpath(os.path.normpath(path), os.path.normpath(root))
    if rel == os.curdir or rel.startswith(os.pardir):
        return None
    return PurePosixPath(*Path(rel).parts).as_posix()


def _in_module(path: str, module: str) -> bool:
    return not module or path == module or path.startswith(module + "/")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Outcome:
    findings: list[Finding]
    diagnostics: list[Diagnostic]
    ok: bool


class GoLinterReviewer:
    """A reviewer that runs one Go linter per module and parses its JSON output."""

    def __init__(self, name: str, executables: tuple[str, ...], command: Command,
                 parse: Parse) -> None:
        self.name = name
        self._executables = executables
        self._executable = executables[0]
        self._command = command
        self._parse = parse

    def _diag(self, kind: str, message: str, path: str | None = None) -> Diagnostic:
        return Diagnostic(source=self.name, kind=kind, message=message, path=path)

    def _run_module(self, root: Path, module: str, program: str) -> _Outcome:
        argv = self._command(module)
        done = _proc.run_tool([program, *argv[1:]], root / module)
        if done.error:
            return _Outcome(findings=[], diagnostics=[self._diag(
                "linter-failed", f"{self._executable} in ./{module}: {done.error}")], ok=False)
        try:
            raw = self._parse(done.stdout)
        except ValueError as exc:
            detail = _proc.tail(done.stderr) or str(exc)
            return _Outcome(findings=[], diagnostics=[self._diag(
                "linter-failed", f"{self._executable} in ./{module} (exit {done.returncode}): "
                                 f"{detail}")], ok=False)
        cwd = str(root / module)
        kept = []
        for finding in raw:
            rel = repo_relative(finding.location.path, str(root), cwd)
            if rel is not None:
                kept.append(replace(finding, location=replace(finding.location, path=rel)))
        return _Outcome(findings=kept, diagnostics=[], ok=True)

    def _unavailable(self, started: float) -> ReviewResult:
        run = ReviewerRun(name=self.name, available=False,
                          duration_s=round(time.perf_counter() - started, 3))
        return ReviewResult(run=run, diagnostics=(self._diag(
            "reviewer-unavailable", f"{self._executable} is not installed; the audit went on "
                                    "without it"),))

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        """Run the linter over every Go module that holds discovered files."""
        started = time.perf_counter()
        go_files = [f for f in files if f.language is Language.GO]
        program = next((path for path in map(_proc.which, self._executables) if path), None)
        if program is None:
            return self._unavailable(started)
        findings: list[Finding] = []
        diagnostics: list[Diagnostic] = []
        reviewed: set[str] = set()
        for module in module_dirs(ctx.root, go_files):
            outcome = self._run_module(ctx.root, module, program)
            findings += outcome.findings
            diagnostics += outcome.diagnostics
            if outcome.ok:
                reviewed |= {f.path for f in go_files if _in_module(f.path, module)}
        for done in range(1, len(files) + 1):
            ctx.progress(done)
        kept = locate_files((f for f in findings if f.location.path in reviewed), ctx.root,
                            Language.GO)
        dropped = len(findings) - len(kept)
        if dropped:
            diagnostics.append(self._diag("outside-review", f"{plural(dropped, 'finding')} on files "
                                          "perfaudit does not review (tests, generated, vendored) "
                                          "left out"))
        run = ReviewerRun(name=self.name, files_reviewed=len(reviewed), findings=len(kept),
                          errors=sum(1 for d in diagnostics if d.kind == "linter-failed"),
                          duration_s=round(time.perf_counter() - started, 3))
        return ReviewResult(run=run, findings=tuple(kept), diagnostics=tuple(diagnostics),
                            reviewed=frozenset(reviewed))
