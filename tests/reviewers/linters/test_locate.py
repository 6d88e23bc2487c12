"""Filling in the enclosing function and snippet of a linter's finding."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from perfaudit.model import Category, Finding, Language, Location, Severity
from perfaudit.reviewers.locate import locate, locate_files

PY = """import re


class Parser:
    def parse(self, lines):
        for line in lines:
            re.compile(r"x+").match(line)


def top():
    pass
"""


def _at(line: int, function: str | None = None) -> Finding:
    return Finding(reviewer="t", rule="r", category=Category.ALLOCATION, severity=Severity.P2,
                   title="t", problem="p", fix="f",
                   location=Location(path="p.py", start_line=line, end_line=line,
                                     function=function))


def test_python_qualified_names_and_snippets() -> None:
    found = locate([_at(7), _at(11), _at(1), _at(7, "kept")], PY, Language.PYTHON)
    assert [(f.location.function, f.location.snippet) for f in found] == [
        ("Parser.parse", 're.compile(r"x+").match(line)'), ("top", "pass"),
        (None, "import re"), ("kept", 're.compile(r"x+").match(line)')]


def test_unparsable_source_keeps_findings() -> None:
    found = locate([_at(2)], "def (:\n  ???\n", Language.PYTHON)
    assert found[0].location.snippet == "???"


def _in(path: str, line: int) -> Finding:
    found = _at(line)
    return replace(found, location=replace(found.location, path=path))


def test_files_are_read_in_path_order_and_unreadable_ones_kept_as_they_are(tmp_path: Path) -> None:
    (tmp_path / "b.py").write_text(PY, encoding="utf-8")
    (tmp_path / "a.py").write_text(PY, encoding="utf-8")
    found = locate_files([_in("b.py", 11), _in("gone.py", 3), _in("a.py", 7), _in("b.py", 7)],
                         tmp_path, {"a.py": Language.PYTHON, "b.py": Language.PYTHON})
    assert [(f.location.path, f.location.function) for f in found] == [
        ("a.py", "Parser.parse"), ("b.py", "top"), ("b.py", "Parser.parse"), ("gone.py", None)]
    assert found[-1] == _in("gone.py", 3)
