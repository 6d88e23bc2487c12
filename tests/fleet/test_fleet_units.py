"""The fleet's pure parts, and what a task decides before any audit, without Ray."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fleet_helpers import PY_FILES, commit_files

from perfaudit import __version__
from perfaudit.errors import UsageError
from perfaudit.fleet import targets
from perfaudit.fleet.ledger import Entry
from perfaudit.fleet.records import Failed, Job, Kind, Selection, Stamp, Target, Unchanged
from perfaudit.fleet.render import from_json, to_json, to_markdown
from perfaudit.fleet.run import Request, plan
from perfaudit.fleet.summary import (
    RepoResult,
    RepoStatus,
    RuleCount,
    from_report,
    most_p0,
    summarise,
    tally_rules,
)
from perfaudit.fleet.task import audit_job
from perfaudit.model import (
    Agreement,
    AuditInfo,
    Category,
    ConsolidatedFinding,
    Location,
    Report,
    Severity,
    Tier,
)


def test_a_list_drops_blank_lines_and_comments() -> None:
    text = ("# the services\n\n  ./api   # the front door\nhttps://h/o/r.git\n"
            "   # indented comment\nweird#name\n")
    assert targets.parse_list(text) == ("./api", "https://h/o/r.git", "weird#name")


@pytest.mark.parametrize(("spec", "url"), [
    ("https://github.com/o/r", True), ("file:///srv/git/r.git", True), ("ssh://h/r", True),
    ("git@github.com:o/r.git", True), ("../r", False), ("/srv/r", False), ("r:colon", False),
])
def test_urls_are_told_from_paths(spec: str, url: bool) -> None:
    assert targets.is_url(spec) is url


def test_lists_expand_in_order_and_repeats_count_once(tmp_path: Path) -> None:
    files = {"one.txt": "a\nhttps://h/x\n", "two.txt": "b  # second\na\n"}
    specs = targets.expand(("@one.txt", "c"), ("two.txt",), files.__getitem__)
    assert specs == ("a", "https://h/x", "c", "b", "a")
    found = targets.targets_of(specs, tmp_path)
    assert found == (
        Target(name=str(tmp_path / "a"), kind=Kind.PATH), Target(name="https://h/x", kind=Kind.URL),
        Target(name=str(tmp_path / "c"), kind=Kind.PATH), Target(name=str(tmp_path / "b"), kind=Kind.PATH))


def test_a_stamp_without_a_commit_never_matches() -> None:
    stamp = Stamp(commit="abc", rule_pack="r", selection="[[], []]")
    assert stamp.matches(stamp)
    assert not stamp.matches(None)
    assert not Stamp(commit=None, rule_pack="r", selection="s").matches(
        Stamp(commit=None, rule_pack="r", selection="s"))
    assert Selection(select=("b", "a")).key == Selection(select=("a", "b")).key


def _entry(complete: bool) -> Entry:
    return Entry(audit_id="A", stamp=Stamp(commit="c", rule_pack="r", selection="s"),
                 complete=complete)


def test_plan_leaves_out_the_last_stamp_when_forced_or_incomplete() -> None:
    kept, partial, new = (Target(name=n, kind=Kind.PATH) for n in ("/kept", "/partial", "/new"))
    entries = {"/kept": _entry(True), "/partial": _entry(False)}
    jobs = plan(Request(targets=(kept, partial, new)), entries)
    assert [j.previous for j in jobs] == [entries["/kept"].stamp, None, None]
    forced = plan(Request(targets=(kept,), force=True), entries)
    assert forced[0].previous is None


def _job(name: str, kind: Kind = Kind.PATH, previous: Stamp | None = None,
         version: str = __version__) -> Job:
    return Job(target=Target(name=name, kind=kind), selection=Selection(), rule_pack="pack",
               tool_version=version, previous=previous)


def test_a_task_names_what_it_could_not_audit(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\x00\xff not a repository")
    assert audit_job(_job(str(tmp_path / "missing"))) == Failed(
        target=str(tmp_path / "missing"), reason="no such directory")
    assert audit_job(_job(str(garbage))) == Failed(target=str(garbage), reason="not a directory")
    url = (tmp_path / "nowhere").as_uri()
    failed = audit_job(_job(url, Kind.URL))
    assert isinstance(failed, Failed) and failed.reason.startswith("git clone failed: ")
    assert "nowhere" in failed.reason
    other = audit_job(_job(str(tmp_path), version="0.0.0"))
    assert isinstance(other, Failed) and "the driver 0.0.0" in other.reason


def test_a_task_leaves_an_unchanged_repository_alone(
        make_git_repo: Callable[[str, dict[str, str]], Path]) -> None:
    root = make_git_repo("py", PY_FILES)
    head = commit_files(root, {"README": "x\n"}, "second")
    job = _job(str(root))
    assert audit_job(_job(str(root), previous=job.stamp(head))) == Unchanged(target=str(root))
    url = root.as_uri()
    assert audit_job(_job(url, Kind.URL, previous=job.stamp(head))) == Unchanged(target=url)


def _finding(number: int, rule: str | None, severity: Severity, tier: Tier = Tier.FINDING
             ) -> ConsolidatedFinding:
    return ConsolidatedFinding(
        number=number, fingerprint=f"{number:016x}", rule=rule, category=Category.IO,
        severity=severity, title="t", problem="p", fix="f",
        location=Location(path="a.go", start_line=number, end_line=number),
        reviewers=("rules",), agreement=Agreement.SINGLE, tier=tier)


def _report(*findings: ConsolidatedFinding, complete: bool = True) -> Report:
    audit = AuditInfo(id="A1", target="/t", commit="c0ffee", started="s", finished="f",
                      tool_version="v", complete=complete,
                      incomplete_reasons=() if complete else ("rules: rule-error in 1 file (a.go)",))
    return Report(schema_version="1.0", audit=audit, findings=findings)


def test_a_report_becomes_counts_of_findings_with_leads_apart() -> None:
    report = _report(_finding(1, "r-a", Severity.P0), _finding(2, "r-a", Severity.P2),
                     _finding(3, None, Severity.P1), _finding(4, "r-b", Severity.P0, Tier.LEAD))
    result = from_report("/t", report)
    assert (result.status, result.p0, result.p1, result.p2, result.leads) == (
        RepoStatus.AUDITED, 1, 1, 1, 1)
    assert result.rules == (RuleCount(rule="(no rule)", findings=1), RuleCount(rule="r-a", findings=2))
    assert from_report("/t", report, unchanged=True).status is RepoStatus.UNCHANGED
    partial = from_report("/t", _report(complete=False))
    assert partial.status is RepoStatus.INCOMPLETE and "rule-error" in partial.reason


def _repo(name: str, p0: int = 0, p1: int = 0, rules: dict[str, int] | None = None,
          status: RepoStatus = RepoStatus.AUDITED) -> RepoResult:
    return RepoResult(name=name, status=status, p0=p0, p1=p1,
                      rules=tuple(RuleCount(rule=r, findings=n) for r, n in (rules or {}).items()))


def test_rules_and_p0_are_ranked_across_the_fleet() -> None:
    repos = (_repo("/c", p0=2, rules={"x": 1, "y": 3}), _repo("/a", p0=2, p1=1, rules={"x": 2}),
             _repo("/b", rules={"z": 3}), _repo("/d", p0=5))
    assert [(t.rule, t.findings, t.repositories) for t in tally_rules(repos)] == [
        ("x", 3, 2), ("y", 3, 1), ("z", 3, 1)]
    assert most_p0(repos) == ("/d", "/a", "/c")


def test_one_failure_makes_the_fleet_incomplete_and_the_report_says_so() -> None:
    repos = (_repo("/ok|pipe", p0=1, rules={"x": 1}),
             RepoResult(name="/gone", status=RepoStatus.FAILED, reason="no such directory"))
    report = summarise(repos, run_id="R", started="s", finished="f", tool_version="v",
                       database="/db")
    assert not report.complete
    assert [r.name for r in report.repositories] == ["/gone", "/ok|pipe"]
    text = to_markdown(report)
    assert "**Incomplete:**" in text and "- `/gone` (failed): no such directory" in text
    assert "| `/ok\\|pipe` | audited | 1 | 0 | 0 | 0 |" in text
    assert from_json(to_json(report)) == report
    assert summarise(repos[:1], run_id="R", started="s", finished="f", tool_version="v",
                     database="/db").complete


@pytest.mark.parametrize("spec", ["https://user:secret-token@github.com/o/r.git",
                                  "https://ghp_token@github.com/o/r.git",
                                  "ssh://git:pw@example.com:2222/o/r.git"])
def test_a_url_with_a_credential_is_refused_without_repeating_it(spec: str, tmp_path: Path) -> None:
    with pytest.raises(UsageError) as refused:
        targets.target_of(spec, tmp_path)
    assert "token" not in str(refused.value) and "secret" not in str(refused.value)
    assert "pw" not in str(refused.value).replace("perfaudit", "")


@pytest.mark.parametrize("spec", ["git@github.com:o/r.git", "ssh://git@example.com/o/r.git",
                                  "https://github.com/o/r.git"])
def test_urls_without_a_secret_are_kept_as_given(spec: str, tmp_path: Path) -> None:
    assert targets.target_of(spec, tmp_path).name == spec
