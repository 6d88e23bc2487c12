"""Re-validation statuses: matching by fingerprint then (rule, path, function); never a false fix."""

from __future__ import annotations

from dataclasses import replace

from perfaudit.model import (
    Agreement,
    AuditInfo,
    Category,
    ConsolidatedFinding,
    Location,
    Report,
    Severity,
    Status,
)
from perfaudit.track.revalidate import CurrentState, revalidate, status_of


def finding(number: int = 1, fingerprint: str = "f1", function: str = "f", line: int = 10,
            related: int = 0, severity: Severity = Severity.P1, reviewer: str = "rules",
            path: str = "a.go") -> ConsolidatedFinding:
    loc = Location(path=path, start_line=line, end_line=line, function=function, snippet="x")
    return ConsolidatedFinding(
        number=number, fingerprint=fingerprint, rule="r", category=Category.IO, severity=severity,
        title="t", problem="p", fix="x", location=loc, related=(loc,) * related,
        reviewers=(reviewer,), agreement=Agreement.SINGLE)


def state(*current: ConsolidatedFinding, changed: bool = True, reviewed: bool = True,
          carried: bool = False) -> CurrentState:
    paths = frozenset({"a.go"})
    return CurrentState(findings=current, present=paths, changed=paths if changed else frozenset(),
                        reviewed={"rules": paths} if reviewed else {},
                        carried={"llm": paths} if carried else {})


def test_same_fingerprint_is_still_present_and_takes_the_new_location() -> None:
    old = finding()
    report = Report(schema_version="1.0", findings=(old,), audit=AuditInfo(
        id="A", target="/r", commit=None, started="s", finished="f", tool_version="0"))
    out = revalidate(report, state(finding(line=40)), "2026-11-23T12:00:00+00:00")
    assert out.findings[0].status is Status.STILL_PRESENT
    assert out.findings[0].location.start_line == 40
    assert out.audit.revalidation is not None and out.audit.revalidation.still_present == 1


def test_changed_snippet_matches_by_rule_path_and_function() -> None:
    out = revalidate(Report(schema_version="1.0", findings=(finding(),), audit=AuditInfo(
        id="A", target="/r", commit=None, started="s", finished="f", tool_version="0")),
        state(finding(fingerprint="other")), "2026-11-23")
    assert out.findings[0].status is Status.STILL_PRESENT


def test_partial_when_locations_are_lost_or_severity_drops() -> None:
    assert status_of(finding(related=1), finding(), state()) is Status.PARTIAL
    lower = finding(severity=Severity.P2)
    assert status_of(finding(), lower, state()) is Status.PARTIAL
    higher = finding(severity=Severity.P0)
    assert status_of(finding(), higher, state()) is Status.STILL_PRESENT


def test_fixed_only_when_reviewed_again_and_changed() -> None:
    assert status_of(finding(), None, state()) is Status.FIXED
    assert status_of(finding(), None, state(changed=False)) is Status.UNKNOWN
    assert status_of(finding(), None, state(reviewed=False)) is Status.UNKNOWN


def test_file_gone_is_unknown() -> None:
    gone = replace(state(), present=frozenset())
    assert status_of(finding(), finding(), gone) is Status.UNKNOWN


def test_costly_reviewer_findings_in_unchanged_files_stand() -> None:
    llm = finding(reviewer="llm")
    assert status_of(llm, None, state(changed=False, reviewed=False, carried=True)) \
        is Status.STILL_PRESENT
    assert status_of(llm, None, state(changed=True, reviewed=False, carried=True)) is Status.UNKNOWN


def test_matching_is_one_to_one() -> None:
    twins = (finding(1, "f1", line=10), finding(2, "f2", line=20))
    report = Report(schema_version="1.0", findings=twins, audit=AuditInfo(
        id="A", target="/r", commit=None, started="s", finished="f", tool_version="0"))
    out = revalidate(report, state(finding(fingerprint="f1", line=11)), "2026-11-23")
    assert [f.status for f in out.findings] == [Status.STILL_PRESENT, Status.FIXED]


def test_replayed_settings_keep_the_credentials_given_now() -> None:
    from perfaudit.config import Config
    from perfaudit.track.service import replay_config

    now = Config(credentials={"openai:gpt": "sk-test"})
    replayed = replay_config(now, {"reviewers": ["rules", "openai:gpt"], "credentials": {}})
    assert replayed.credentials == {"openai:gpt": "sk-test"}
