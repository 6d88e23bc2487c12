"""Ground an answer in the code that was sent: real files, real lines, quotes that exist (pure)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from perfaudit.model import Finding, Location
from perfaudit.reviewers.llm.batch import Batch, FileText
from perfaudit.reviewers.llm.facts import version_conflict
from perfaudit.reviewers.llm.outline import enclosing_function
from perfaudit.reviewers.llm.schema import CONFIDENCE_SCORE, Answer, AnswerFinding

SLACK = 3
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Rejection:
    """A finding dropped as unverifiable, and why."""

    path: str
    line: int | None
    title: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Grounded:
    """The findings that survived grounding and the ones that did not."""

    findings: tuple[Finding, ...] = ()
    rejections: tuple[Rejection, ...] = ()


def _norm(line: str) -> str:
    return _SPACE.sub(" ", line.strip())


def _quote_lines(quote: str) -> list[str]:
    lines = [_norm(line) for line in quote.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def occurrences(quote: str, lines: Sequence[str]) -> list[int]:
    """1-based lines where ``quote`` starts (each quoted line inside the matching file line)."""
    wanted = _quote_lines(quote)
    if not wanted:
        return []
    normal = [_norm(line) for line in lines]
    return [i + 1 for i in range(len(normal) - len(wanted) + 1)
            if all(q in normal[i + k] for k, q in enumerate(wanted))]


def safe_path(path: str) -> str | None:
    """The repository-relative POSIX form of ``path``, or None if absolute or escaping the root."""
    if not path or path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path) or "\\" in path:
        return None
    normal = posixpath.normpath(path)
    if normal == "." or normal.startswith("../") or normal == "..":
        return None
    return normal


def _anchor(item: AnswerFinding, lines: Sequence[str]) -> tuple[int, int] | str:
    found = occurrences(item.quote, lines)
    if not found:
        return "quote not found in the file" if _quote_lines(item.quote) else "no quote"
    span = len(_quote_lines(item.quote))
    in_range = 1 <= item.start_line <= item.end_line <= len(lines)
    if in_range:
        near = [n for n in found if item.start_line - SLACK <= n <= item.end_line + SLACK]
        if near:
            start = near[0]
            inside = item.start_line <= start and start + span - 1 <= item.end_line
            return (item.start_line, item.end_line) if inside else (start, start + span - 1)
    if len(found) == 1:
        return found[0], found[0] + span - 1
    where = "cited lines out of range" if not in_range else "quote not near the cited lines"
    return f"{where} and the quote occurs {len(found)} times"


def _finding(reviewer: str, item: AnswerFinding, file: FileText, lines: Sequence[str],
             span: tuple[int, int]) -> Finding:
    start, end = span
    function = enclosing_function(file.outline.functions, start) or (item.function or None)
    snippet = "\n".join(lines[start - 1:end])
    return Finding(
        reviewer=reviewer, rule=None, category=item.category, severity=item.severity,
        title=item.title.strip(), problem=item.problem.strip(), fix=item.fix.strip(),
        impact=item.impact.strip(), effort=item.effort.strip(), risk=item.risk.strip(),
        testing=item.testing.strip(),
        location=Location(path=file.path, start_line=start, end_line=end, function=function,
                          snippet=snippet),
        confidence=CONFIDENCE_SCORE[item.confidence])


def _home(quote: str, batch_paths: frozenset[str], files: Mapping[str, FileText]) -> str | None:
    """The one batch file where ``quote`` occurs exactly once, if there is one."""
    hits = [p for p in sorted(batch_paths) if p in files
            for _ in occurrences(quote, files[p].text.split("\n"))]
    return hits[0] if len(hits) == 1 else None


def _ground_one(reviewer: str, item: AnswerFinding, batch_paths: frozenset[str],
                files: Mapping[str, FileText], versions: Mapping[str, str]) -> Finding | str:
    path = safe_path(item.path.strip())
    if path is None:
        return "path is absolute or outside the repository"
    if path not in batch_paths or path not in files:
        path = _home(item.quote, batch_paths, files)  # a mistyped path, e.g. without its folder
        if path is None:
            return "file was not in this batch"
    file = files[path]
    conflict = version_conflict(item, file.language, versions.get(file.language.value))
    if conflict:
        return conflict
    lines = file.text.split("\n")
    span = _anchor(item, lines)
    if isinstance(span, str):
        return span
    return _finding(reviewer, item, file, lines, span)


def ground(reviewer: str, answer: Answer, batch: Batch, files: Mapping[str, FileText],
           versions: Mapping[str, str]) -> Grounded:
    """Keep the findings of ``answer`` that point at code in ``batch``; reject the rest."""
    kept: list[Finding] = []
    rejected: list[Rejection] = []
    paths = frozenset(batch.paths)
    for item in answer.findings:
        result = _ground_one(reviewer, item, paths, files, versions)
        if isinstance(result, str):
            rejected.append(Rejection(path=item.path, line=item.start_line, title=item.title,
                                      reason=result))
        else:
            kept.append(result)
    return Grounded(findings=tuple(kept), rejections=tuple(rejected))
