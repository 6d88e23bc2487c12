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
from perfaudit.track.revalidate import CurrentState, judge, revalidate, status_of


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


def test_a_removed_file_is_fixed_only_when_the_whole_tree_was_searched() -> None:
    gone = replace(state(), present=frozenset())
    assert judge(finding(), None, gone)[0] is Status.UNKNOWN
    searched = replace(gone, whole_tree=frozenset({"rules"}))
    status, reason = judge(finding(), None, searched)
    assert reason == "a.go was removed and rules found this code in none of the files it reviewed"
    assert status is Status.FIXED


def _report(*findings: ConsolidatedFinding) -> Report:
    return Report(schema_version="1.0", findings=findings, audit=AuditInfo(
        id="A", target="/r", commit="c0ffee", started="2026-11-01", finished="f",
        tool_version="0"))


def test_code_moved_to_another_file_is_still_present_there() -> None:
    old = replace(finding(function="Run"), location=Location(
        path="a.go", start_line=10, end_line=10, function="Run", snippet="defer  f.Close()"))
    moved = replace(finding(fingerprint="f9", path="cmd_run.go", function="RunDetailed"),
                    location=Location(path="cmd_run.go", start_line=174, end_line=174,
                                      function="RunDetailed", snippet="defer f.Close()"))
    out = revalidate(_report(old), replace(state(moved), present=frozenset()), "2026-11-23")
    [kept] = out.findings
    assert kept.status is Status.STILL_PRESENT
    assert kept.location.path == "cmd_run.go" and kept.location.start_line == 174
    assert kept.status_reason == ("moved to cmd_run.go:174 in `RunDetailed` "
                                  "(was a.go:10 in `Run`)")


def test_changed_code_in_the_same_function_is_partial() -> None:
    old = finding()
    now = replace(finding(fingerprint="f2", line=12), location=Location(
        path="a.go", start_line=12, end_line=12, function="f", snippet="y := other()"))
    out = revalidate(_report(old), state(now), "2026-11-23")
    assert out.findings[0].status is Status.PARTIAL
    assert "the code changed: it now reads `y := other()`" in out.findings[0].status_reason


def test_a_fix_says_what_the_line_reads_now_and_new_findings_are_listed() -> None:
    old = finding(line=2)
    fresh = replace(finding(fingerprint="n1", line=5, function="g"), rule="other-rule")
    texts = {"a.go": "package a\nfunc f() { ok() }\n"}
    out = revalidate(_report(old), replace(state(fresh), texts=texts, commit="beef"), "2026-11-23")
    assert [(f.status, f.status_reason) for f in out.findings] == [
        (Status.FIXED, "a.go:2 now reads `func f() { ok() }`"),
        (Status.NEW, "not in the earlier audit")]
    assert out.findings[1].number == 2
    rv = out.audit.revalidation
    assert rv is not None and (rv.fixed, rv.new, rv.commit) == (1, 1, "beef")
    gone = revalidate(_report(old), replace(state(), texts={"a.go": "package a\n"}), "d")
    assert gone.findings[0].status_reason == "`f` was removed from a.go"


def test_a_reviewer_that_ran_but_lost_the_file_says_unknown_not_fixed() -> None:
    lost = replace(state(reviewed=False), ran=frozenset({"rules"}),
                   quotes={"f1": None})
    status, reason = judge(finding(), None, lost)
    assert status is Status.UNKNOWN and "ran again but did not review a.go" in reason


def test_a_severity_adjudicated_then_is_not_a_partial_fix_now() -> None:
    old = replace(finding(severity=Severity.P0), resolution="adjudicated as P0 by a: hot")
    assert status_of(old, finding(severity=Severity.P1), state()) is Status.STILL_PRESENT


def test_module_level_code_is_not_moved_by_its_empty_function_name() -> None:
    old = replace(finding(function=""), location=Location(
        path="a.go", start_line=3, end_line=3, function=None, snippet="http.Client{}"))
    twin = replace(old, fingerprint="t2")
    elsewhere = replace(finding(fingerprint="n1", path="b.go"), location=Location(
        path="b.go", start_line=3, end_line=3, function=None, snippet="http.Client{}"))
    other = replace(elsewhere, fingerprint="n2", location=replace(elsewhere.location,
                                                                  start_line=9))
    out = revalidate(_report(old, replace(twin, number=2)),
                     replace(state(elsewhere, other), present=frozenset()), "d")
    assert [f.status for f in out.findings] == [Status.UNKNOWN, Status.UNKNOWN, Status.NEW,
                                                Status.NEW]



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
