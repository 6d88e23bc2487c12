"""The Go linter reviewers end to end, with a stand-in executable on PATH (no Go needed)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from perfaudit.config import Config
from perfaudit.discover import discover_files
from perfaudit.model import Category
from perfaudit.reviewers import build_panel
from perfaudit.reviewers.base import ReviewContext
from perfaudit.reviewers.linters._golinter import module_dirs, repo_relative

HANDLER = """package svc

import (
\t"regexp"
\t"strings"
)

type Server struct{ names []string }

func (s *Server) Match(pattern string) int {
\tn := 0
\tfor _, name := range s.names {
\t\tif ok, _ := regexp.MatchString(pattern, name); ok {
\t\t\tn++
\t\t}
\t}
\treturn n
}

func same(a, b string) bool {
\treturn strings.ToLower(a) == strings.ToLower(b)
}
"""


def _fake_tool(bin_dir: Path, name: str, lines: list[dict[str, object]]) -> None:
    """An executable that prints ``lines`` as staticcheck does, paths relative to its cwd."""
    script = bin_dir / name
    payload = json.dumps(lines)
    script.write_text(
        f"#!{sys.executable}\nimport json, os\n"
        f"for item in json.loads({payload!r}):\n"
        "    for key in ('location', 'end'):\n"
        "        if item[key]['file']:\n"
        "            item[key]['file'] = os.path.join(os.getcwd(), item[key]['file'])\n"
        "    print(json.dumps(item))\n", encoding="utf-8")
    script.chmod(0o755)


def _item(code: str, path: str, line: int) -> dict[str, object]:
    loc = {"file": path, "line": line, "column": 2}
    return {"code": code, "severity": "error", "location": loc, "end": loc, "message": f"{code} here"}


@pytest.fixture
def repo(make_repo):  # type: ignore[no-untyped-def]
    return make_repo({"go.mod": "module example.com/shop\n\ngo 1.22\n", "svc/handler.go": HANDLER,
                      "vendor/x/x.go": "package x\n"})


def _review(repo: Path, name: str):  # type: ignore[no-untyped-def]
    config = Config(reviewers=(name,))
    reviewer = build_panel([name], config)[0]
    files = discover_files(repo).files
    return reviewer.review(files, ReviewContext(root=repo, config=config))


def test_staticcheck_reviewer_runs_parses_and_locates(repo: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake_tool(bin_dir, "staticcheck", [_item("SA6000", "svc/handler.go", 13),
                                        _item("SA6005", "svc/handler.go", 21),
                                        _item("SA6000", "vendor/x/x.go", 1),
                                        _item("ST1003", "svc/handler.go", 9)])
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    result = _review(repo, "staticcheck")
    assert result.run.available and result.run.findings == 2
    assert result.reviewed == frozenset({"svc/handler.go"})
    got = [(f.rule, f.location.path, f.location.function, f.category) for f in result.findings]
    assert got == [("SA6000", "svc/handler.go", "(*Server).Match", Category.LOOP_INVARIANT_WORK),
                   ("SA6005", "svc/handler.go", "same", Category.ALLOCATION)]
    assert "regexp.MatchString" in result.findings[0].location.snippet
    assert [d.kind for d in result.diagnostics] == ["outside-review"]


def test_missing_linter_is_unavailable_not_fatal(repo: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    for name in ("staticcheck", "golangci-lint"):
        result = _review(repo, name)
        assert result.run.available is False
        assert result.findings == () and result.reviewed == frozenset()
        assert [d.kind for d in result.diagnostics] == ["reviewer-unavailable"]


def test_failing_linter_becomes_a_diagnostic(repo: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "staticcheck"
    script.write_text(f"#!{sys.executable}\nimport sys\nprint('boom', file=sys.stderr)\n"
                      "print('not json')\nsys.exit(2)\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    result = _review(repo, "staticcheck")
    assert result.run.errors == 1 and result.reviewed == frozenset()
    assert "boom" in result.diagnostics[0].message


def test_module_dirs(make_repo) -> None:  # type: ignore[no-untyped-def]
    root = make_repo({"go.mod": "module a\n", "a.go": "package a\n", "tools/go.mod": "module t\n",
                      "tools/gen/main.go": "package main\n"})
    assert module_dirs(root, discover_files(root).files) == ["", "tools"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("/repo/svc/a.go", "svc/a.go"),
    ("a.go", "mod/a.go"),
    ("../b.go", "b.go"),
    ("../../etc/passwd", None),
    ("/elsewhere/a.go", None),
    ("", None),
])
def test_repo_relative(raw: str, expected: str | None) -> None:
    assert repo_relative(raw, "/repo", "/repo/mod") == expected
