"""The summary ``perfaudit audit`` prints: each finding's rule id, and counts in good English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from perfaudit.cli import main
from perfaudit.cli.audit_cmd import SHOWN, finding_lines
from perfaudit.model import Agreement, Category, ConsolidatedFinding, Location, Severity

# F takes an http.ResponseWriter: a request handler, so its match is a finding, not a lead
GO = ('package a\n\nimport "time"\n\nfunc F(w http.ResponseWriter, c chan int) {\n\tfor {\n'
      '\t\tselect {\n\t\tcase <-c:\n\t\tcase <-time.After(time.Second):\n\t\t}\n\t}\n}\n')


def _finding(number: int, rule: str | None, path: str = "a.go", line: int = 3) -> ConsolidatedFinding:
    return ConsolidatedFinding(
        number=number, fingerprint=f"fp{number}", rule=rule, category=Category.ALLOCATION,
        severity=Severity.P1, title=f"Title {number}", problem="p", fix="f",
        location=Location(path=path, start_line=line, end_line=line), reviewers=("rules",),
        agreement=Agreement.SINGLE)


def test_each_line_names_the_rule_whole_in_an_aligned_column() -> None:
    lines = finding_lines([_finding(1, "time-after-in-loop", "svc/long/path/a.go", 120),
                           _finding(2, None), _finding(3, "defer-in-loop")])
    assert lines == [
        "  #1   P1  svc/long/path/a.go:120  time-after-in-loop  Title 1",
        "  #2   P1  a.go:3                  —                   Title 2",
        "  #3   P1  a.go:3                  defer-in-loop       Title 3",
    ]


def test_only_the_first_findings_are_listed() -> None:
    lines = finding_lines([_finding(n, "defer-in-loop") for n in range(1, SHOWN + 3)])
    assert len(lines) == SHOWN + 1 and lines[-1] == "  … 2 more in the report"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def test_the_audit_summary_shows_rule_ids_and_singular_counts(
        make_repo: Callable[[dict[str, str | bytes]], Path], capsys, tmp_path) -> None:
    root = make_repo({"go.mod": "module a\n\ngo 1.22\n", "a.go": GO})
    code, out, err = run(capsys, "audit", str(root), "-o", str(tmp_path / "out"), "-j", "1",
                         "--no-history", "--no-cache")
    assert code == 0, err
    assert "audited 1 file (12 lines) with rules" in out
    assert "\n1 finding — P0: 1" in out
    assert "  a.go:9  time-after-in-loop  " in out
    assert "1 findings" not in out and "1 files" not in out
