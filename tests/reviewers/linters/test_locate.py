"""Filling in the enclosing function and snippet of a linter's finding."""

from __future__ import annotations

from perfaudit.model import Category, Finding, Language, Location, Severity
from perfaudit.reviewers.linters._locate import locate

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
