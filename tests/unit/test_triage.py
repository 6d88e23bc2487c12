"""Triage file: stable text round trip; active, expired and unmatched decisions; baselines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from perfaudit.errors import ConfigError
from perfaudit.model import (
    Agreement,
    AuditInfo,
    Category,
    ConsolidatedFinding,
    Location,
    Report,
    Severity,
    Triage,
    TriageState,
    TriageStatus,
)
from perfaudit.render.markdown import render
from perfaudit.track.baseline import apply_baseline, known_prints
from perfaudit.track.triage import apply_triage, dump_triage, read_triage, upsert, write_triage


def finding(fingerprint: str, line: int) -> ConsolidatedFinding:
    return ConsolidatedFinding(
        number=line, fingerprint=fingerprint, rule="r", category=Category.IO,
        severity=Severity.P2, title=f"t{line}", problem="p", fix="x",
        location=Location(path="a.go", start_line=line, end_line=line),
        reviewers=("rules",), agreement=Agreement.SINGLE)


REPORT = Report(schema_version="1.0", audit=AuditInfo(
    id="A", target="/r", commit=None, started="s", finished="f", tool_version="0"),
    findings=(finding("a" * 16, 1), finding("b" * 16, 2), finding("c" * 16, 3)))


def decision(fingerprint: str, until: str | None = None, reason: str = "why") -> Triage:
    return Triage(fingerprint=fingerprint, status=TriageStatus.FALSE_POSITIVE, reason=reason,
                  until=until)


def test_round_trip_is_stable_and_escaped(tmp_path: Path) -> None:
    tricky = 'quote " backslash \\ newline \n tab \t ünïcode'
    entries = (decision("b" * 16, reason=tricky), decision("a" * 16, until="2027-01-31"))
    write_triage(tmp_path, entries)
    text = (tmp_path / ".perfaudit" / "triage.toml").read_text(encoding="utf-8")
    assert text == dump_triage(entries[::-1])
    assert text.index("a" * 16) < text.index("b" * 16)
    assert read_triage(tmp_path) == tuple(sorted(entries, key=lambda t: t.fingerprint))
    replaced = upsert(read_triage(tmp_path), decision("a" * 16, reason="new"))
    assert [e.reason for e in replaced if e.fingerprint == "a" * 16] == ["new"]


@pytest.mark.parametrize(("text", "problem"), [
    ("[[triage]\n", r"cannot read .*triage\.toml: Expected ']]'"),
    ('[[triage]]\nfingerprint = "x"\n', r"triage\.toml: entry 1: missing or invalid 'reason'"),
    ('[[triage]]\nfingerprint = "x"\nstatus = "nope"\nreason = "r"\n',
     r"triage\.toml: entry 1: .*'nope' is not a valid TriageStatus"),
    ('[[triage]]\nfingerprint = "x"\nstatus = "accepted"\nreason = "r"\nuntil = "soon"\n',
     r"triage\.toml: entry 1: not a date \(YYYY-MM-DD\): 'soon'"),
    ("triage = 3\n", r"triage\.toml: `triage` must be an array of tables"),
    ("triage = [3]\n", r"triage\.toml: entry 1 is not a table"),
])
def test_bad_file_is_one_config_error(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / ".perfaudit").mkdir()
    (tmp_path / ".perfaudit" / "triage.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        read_triage(tmp_path)


def test_missing_file_is_no_decisions(tmp_path: Path) -> None:
    assert read_triage(tmp_path / "missing") == ()


def test_apply_hides_active_reports_expired_and_unmatched() -> None:
    entries = (decision("a" * 16), decision("b" * 16, until="2026-01-01"), decision("d" * 16))
    out = apply_triage(REPORT, entries, date(2026, 11, 23))
    assert [f.fingerprint for f in out.findings] == ["b" * 16, "c" * 16]
    assert [f.number for f in out.findings] == [1, 2]
    assert [f.fingerprint for f in out.triaged] == ["a" * 16]
    assert [t.state for t in out.triage] == [TriageState.ACTIVE, TriageState.EXPIRED,
                                             TriageState.UNMATCHED]
    section = render(out).split("## Triage", 1)[1]
    assert "expired" in section and "unmatched" in section and "why" in section
    assert apply_triage(REPORT, (), date(2026, 11, 23)) == REPORT


def test_baseline_hides_known_fingerprints_and_counts_them() -> None:
    baseline = known_prints(apply_triage(REPORT, (decision("a" * 16),), date(2026, 1, 1)))
    assert baseline == {"a" * 16, "b" * 16, "c" * 16}
    out = apply_baseline(REPORT, frozenset({"a" * 16, "c" * 16}), "A1")
    assert [f.fingerprint for f in out.findings] == ["b" * 16]
    assert out.audit.hidden_by_baseline == 2
    assert "2 findings hidden by the baseline (A1)" in render(out)


def test_an_adjudication_keeps_the_finding_at_the_decided_severity(tmp_path: Path) -> None:
    from perfaudit.track.triage import adjudicate

    (tmp_path / ".perfaudit").mkdir()
    (tmp_path / ".perfaudit" / "triage.toml").write_text(
        f'[[triage]]\nfingerprint = "{"a" * 16}"\nstatus = "adjudicated"\nseverity = "P0"\n'
        'reason = "runs per request on the hot path"\nauthor = "alice"\n', encoding="utf-8")
    entries = read_triage(tmp_path)
    assert entries[0].status is TriageStatus.ADJUDICATED and entries[0].severity is Severity.P0
    out = apply_triage(REPORT, entries, date(2026, 1, 1))
    assert [f.fingerprint for f in out.findings] == ["a" * 16, "b" * 16, "c" * 16]
    assert out.findings[0].severity is Severity.P0 and not out.triaged
    assert out.findings[0].resolution == "adjudicated as P0 by alice: runs per request on the hot path"
    assert adjudicate(REPORT.findings, entries, date(2026, 1, 1))[0].severity is Severity.P0
    assert 'severity = "P0"' in dump_triage(entries) and 'author = "alice"' in dump_triage(entries)
    section = render(out).split("## Triage", 1)[1]
    assert "adjudicated as P0" in section and "— alice" in section


def test_a_severity_needs_an_adjudication_and_an_adjudication_a_severity(tmp_path: Path) -> None:
    (tmp_path / ".perfaudit").mkdir()
    for body in ('status = "adjudicated"\n', 'status = "accepted"\nseverity = "P2"\n',
                 'status = "adjudicated"\nseverity = "P9"\n'):
        (tmp_path / ".perfaudit" / "triage.toml").write_text(
            f'[[triage]]\nfingerprint = "{"0" * 16}"\nreason = "r"\n{body}', encoding="utf-8")
        with pytest.raises(ConfigError):
            read_triage(tmp_path)
