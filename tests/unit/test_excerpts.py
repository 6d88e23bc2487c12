"""The lines around each finding, read from the audited tree when its reports are written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from perfaudit.cli._reports import EXCERPT_MAX_LINES, excerpt_of, with_excerpts
from perfaudit.model import (
    Agreement,
    AuditInfo,
    Category,
    ConsolidatedFinding,
    Excerpt,
    Location,
    Report,
    Severity,
    Status,
)

LINES = [f"line {n}" for n in range(1, 21)]


def _loc(start: int, end: int | None = None, path: str = "a.go") -> Location:
    return Location(path=path, start_line=start, end_line=end or start)


def test_three_lines_either_side() -> None:
    assert excerpt_of(LINES, _loc(10, 11)) == Excerpt(start_line=7, lines=tuple(LINES[6:14]))


def test_cut_at_the_ends_of_the_file() -> None:
    assert excerpt_of(LINES, _loc(1)) == Excerpt(start_line=1, lines=tuple(LINES[:4]))
    assert excerpt_of(LINES, _loc(20)) == Excerpt(start_line=17, lines=tuple(LINES[16:]))


def test_a_long_span_is_shown_from_its_start() -> None:
    lines = [f"l{n}" for n in range(1, 101)]
    found = excerpt_of(lines, _loc(10, 90))
    assert found is not None and found.start_line == 7
    assert len(found.lines) == 3 + EXCERPT_MAX_LINES + 3


def test_long_lines_are_shortened_and_lines_outside_the_file_give_nothing() -> None:
    found = excerpt_of(["x" * 1000], _loc(1))
    assert found is not None and len(found.lines[0]) < 300 and found.lines[0].endswith("…")
    assert excerpt_of(LINES, _loc(21)) is None
    assert excerpt_of(LINES, _loc(0)) is None


def _finding(number: int, location: Location, status: Status = Status.NEW) -> ConsolidatedFinding:
    return ConsolidatedFinding(
        number=number, fingerprint=f"fp{number}", rule="r", category=Category.ALLOCATION,
        severity=Severity.P1, title="t", problem="p", fix="f", location=location,
        reviewers=("rules",), agreement=Agreement.SINGLE, status=status)


def _report(*findings: ConsolidatedFinding) -> Report:
    audit = AuditInfo(id="x", target="/t", commit=None, started="s", finished="f",
                      tool_version="0")
    return Report(schema_version="1.0", audit=audit, findings=findings)


def test_with_excerpts_reads_each_file_of_the_tree(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.go").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    (tmp_path / "bad.go").write_bytes(b"ok\n\xff\xfe broken\n")
    (tmp_path.parent / "outside.go").write_text("secret\n", encoding="utf-8")
    report = _report(_finding(1, _loc(5, path="pkg/a.go")), _finding(2, _loc(2, path="bad.go")),
                     _finding(3, _loc(1, path="missing.go")),
                     _finding(4, _loc(1, path="../outside.go")),
                     _finding(5, _loc(5, path="pkg/a.go"), Status.FIXED))
    got = {f.number: f.excerpt for f in with_excerpts(report, tmp_path).findings}
    assert got[1] == Excerpt(start_line=2, lines=tuple(LINES[1:8]))
    assert got[2] == Excerpt(start_line=1, lines=("ok", "\ufffd\ufffd broken"))
    assert got[3] is None and got[4] is None and got[5] is None


def test_with_excerpts_changes_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "a.go").write_text("x\n", encoding="utf-8")
    report = _report(_finding(1, _loc(1)))
    found = with_excerpts(report, tmp_path)
    assert replace(found.findings[0], excerpt=None) == report.findings[0]
    assert replace(found, findings=report.findings) == report
