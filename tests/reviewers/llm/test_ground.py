"""Grounding (pure): paths, lines, quotes and language-version claims."""

from __future__ import annotations

from dataclasses import replace

import pytest

from perfaudit.model import Category, Language, Severity
from perfaudit.reviewers.llm.batch import FileText, plan_batches, split_file
from perfaudit.reviewers.llm.ground import ground, occurrences, safe_path
from perfaudit.reviewers.llm.outline import outline
from perfaudit.reviewers.llm.schema import Answer, AnswerFinding, Confidence

from .conftest import API_GO, SYNC_GO

FILES = {path: FileText(path=path, language=Language.GO, text=text,
                        outline=outline(text, Language.GO))
         for path, text in (("service/api.go", API_GO), ("service/sync.go", SYNC_GO))}
BATCH = plan_batches([c for f in FILES.values() for c in split_file(f, 10_000)], 10_000)[0]
BASE = AnswerFinding(path="service/api.go", start_line=20, end_line=20,
                     quote='re := regexp.MustCompile("(?i)" + q)', function="Search",
                     category=Category.LOOP_INVARIANT_WORK, severity=Severity.P1, title="t",
                     problem="p", fix="f", impact="", effort="", risk="", testing="",
                     confidence=Confidence.HIGH)


def _one(version: str = "1.22", **changes: object) -> tuple[int, int] | str:
    grounded = ground("r", Answer(findings=(replace(BASE, **changes),)), BATCH, FILES,
                      {"go": version})
    if grounded.rejections:
        return grounded.rejections[0].reason
    loc = grounded.findings[0].location
    return loc.start_line, loc.end_line


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, (20, 20)),
    ({"start_line": 19, "end_line": 24}, (19, 24)),                 # quote inside the cited range
    ({"start_line": 22, "end_line": 22}, (20, 20)),                 # near: snapped to the quote
    ({"start_line": 400, "end_line": 401}, (20, 20)),               # out of range, unique quote
    ({"quote": "  re := regexp.MustCompile(\"(?i)\"   + q)\n"}, (20, 20)),  # whitespace differs
    ({"quote": "if re.MatchString(it.Name) {\nout = append(out, it)"}, (21, 22)),
    ({"path": "./service/api.go"}, (20, 20)),
    ({"quote": "db.Query(sql)"}, "quote not found in the file"),
    ({"quote": "  "}, "no quote"),
    ({"quote": "return out", "start_line": 1, "end_line": 1}, (25, 25)),         # far but unique
    ({"quote": "}", "start_line": 1, "end_line": 1}, "quote not near the cited lines and the quote occurs"),
    ({"quote": "}", "start_line": 0, "end_line": 0}, "cited lines out of range and the quote occurs"),
    ({"path": "../../etc/passwd"}, "path is absolute or outside the repository"),
    ({"path": "service/../../x.go"}, "path is absolute or outside the repository"),
    ({"path": "/work/repo/service/api.go"}, "path is absolute or outside the repository"),
    ({"path": "C:\\repo\\api.go"}, "path is absolute or outside the repository"),
    ({"path": "service/missing.go"}, (20, 20)),                     # unknown file, unique quote
    ({"path": "api.go", "quote": "return out"}, (25, 25)),
    ({"path": "service/missing.go", "quote": "package service"}, "file was not in this batch"),
])
def test_anchoring(changes: dict[str, object], expected: object) -> None:
    result = _one(**changes)
    if isinstance(expected, str) and isinstance(result, str):
        assert result.startswith(expected)
    else:
        assert result == expected


@pytest.mark.parametrize(("version", "changes", "rejected"), [
    ("1.21", {"fix": "Use for i := range n instead."}, True),
    ("1.22", {"fix": "Use for i := range n instead."}, False),
    ("1.21", {"fix": "Range over an int."}, True),
    ("1.24", {"fix": "Start workers with wg.Go(func() {...})."}, True),
    ("1.25", {"fix": "Start workers with wg.Go(func() {...})."}, False),
    ("1.20", {"fix": "Use slices.Contains."}, True),
    ("1.23", {"category": Category.LEAK, "title": "time.After leaks", "problem": "time.After leaks"}, True),
    ("1.22", {"category": Category.LEAK, "title": "time.After leaks", "problem": "time.After leaks"}, False),
    ("1.23", {"category": Category.ALLOCATION, "title": "time.After allocates per iteration",
              "problem": "time.After allocates a timer each time"}, False),
    ("", {"fix": "Use for i := range n instead."}, False),
])
def test_version_claims(version: str, changes: dict[str, object], rejected: bool) -> None:
    result = _one(version, **changes)
    assert isinstance(result, str) is rejected
    if rejected:
        assert f"the target is go {version}" in str(result)
    else:
        assert result == (20, 20)


def test_function_comes_from_the_code_not_the_model() -> None:
    grounded = ground("r", Answer(findings=(replace(BASE, function="Wrong"),)), BATCH, FILES, {})
    assert grounded.findings[0].location.function == "Search"
    assert grounded.findings[0].location.snippet.strip().startswith("re := regexp")


@pytest.mark.parametrize(("version", "fix", "rejected"), [
    ("3.11", "Use itertools.batched(rows, 100).", True),
    ("3.12", "Use itertools.batched(rows, 100).", False),
    ("3.10", "Run them in an asyncio.TaskGroup.", True),
    ("3.8", "Decorate it with @functools.cache.", True),
    ("3.8", "Decorate it with functools.cached_property.", False),
])
def test_python_version_claims(version: str, fix: str, rejected: bool) -> None:
    from perfaudit.reviewers.llm.facts import version_conflict

    item = replace(BASE, fix=fix)
    assert (version_conflict(item, Language.PYTHON, version) is not None) is rejected


def test_helpers() -> None:
    assert occurrences("b\nc", ["a", " b ", "c", "b", "c"]) == [2, 4]
    assert safe_path("a/./b.go") == "a/b.go" and safe_path("..") is None and safe_path("") is None
