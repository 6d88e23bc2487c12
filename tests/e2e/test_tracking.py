"""Findings over time, end to end: audit revision A, change the code in B, then re-validate,
audit only what B introduced, and honour a triage decision.

Locations: a finding's locations are its primary location plus its related locations. The
rules reviewer reports one location per finding, so the finding with two locations comes from
``sketch``, a small deterministic stand-in for a reviewer that groups related lines (as model
reviewers do): one finding per function that issues ``db.Query`` calls, located at the first
call with each further call as a related location. Fixing one of the two calls leaves the
finding with fewer locations: *partial*.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from perfaudit.cli import cli
from perfaudit.model import Category, Finding, Location, ReviewerRun, Severity, SourceFile
from perfaudit.reviewers import BUILTIN_REVIEWERS
from perfaudit.reviewers.base import ReviewContext, ReviewResult

_FUNC = re.compile(r"^func (\w+)")


class SketchReviewer:
    """One finding per Go function calling ``db.Query``; further calls are related locations."""

    name = "sketch"

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        findings = []
        for file in files:
            calls: dict[str, list[Location]] = {}
            function = None
            lines = (ctx.root / file.path).read_text(encoding="utf-8").splitlines()
            for number, line in enumerate(lines, 1):
                if found := _FUNC.match(line):
                    function = found.group(1)
                if "db.Query(" in line and function:
                    calls.setdefault(function, []).append(Location(
                        path=file.path, start_line=number, end_line=number, function=function,
                        snippet=line.strip()))
            findings += [Finding(
                reviewer=self.name, rule=None, category=Category.NETWORK, severity=Severity.P1,
                title="Queries issued one at a time", problem="Each query is a round trip.",
                fix="Batch the queries.", location=locs[0], related=tuple(locs[1:]))
                for locs in calls.values()]
        run = ReviewerRun(name=self.name, files_reviewed=len(files), findings=len(findings))
        return ReviewResult(run=run, findings=tuple(findings),
                            reviewed=frozenset(f.path for f in files))


LOOP = """func {name}(ch chan int, d time.Duration) {{
\tfor {{
\t\tselect {{
\t\tcase v := <-ch:  // a message per iteration: the timer is a timeout per message
\t\t\t_ = v
\t\tcase <-time.After({arg}):
\t\t}}
\t}}
}}
"""
HEADER = 'package svc\n\nimport "time"\n\n'  # not package main: a command's code is cold
QUERIES_A = 'func report(db DB) {\n\tdb.Query("a")\n\tdb.Query("b")\n}\n'
FIXED_B = """func fixedOne(ch chan int, d time.Duration) {
\ttimer := time.NewTimer(d)
\tfor {
\t\tselect {
\t\tcase <-ch:
\t\tcase <-timer.C:
\t\t\ttimer.Reset(d)
\t\t}
\t}
}
"""
PADDING = "".join(f"// note {n}: padding that moves the code below\n" for n in range(20))

REVISION_A = {
    "perfaudit.toml": 'reviewers = ["rules", "sketch"]\njobs = 1\n',
    "go.mod": "module m\n\ngo 1.22\n",  # time-after-in-loop applies only before Go 1.23
    "a.go": HEADER + "type DB interface{ Query(q string) }\n\n"
    + LOOP.format(name="fixedOne", arg="d") + "\n" + QUERIES_A + "\n"
    + LOOP.format(name="moved", arg="2 * d"),
    "b.go": HEADER + LOOP.format(name="gone", arg="3 * d"),
    "c.go": HEADER + LOOP.format(name="noisy", arg="4 * d"),
}
REVISION_B = {
    "a.go": HEADER + "type DB interface{ Query(q string) }\n\n" + FIXED_B + "\n"
    + 'func report(db DB) {\n\tdb.Query("a")\n}\n\n' + PADDING
    + LOOP.format(name="moved", arg="2 * d"),
    "d.go": HEADER + LOOP.format(name="introduced", arg="5 * d"),
}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                           "-c", "commit.gpgsign=false", "-C", str(root), *args],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")


def perfaudit(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def findings_json(out: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return doc


def by_function(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["location"]["function"]: f for f in doc["findings"]}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setitem(BUILTIN_REVIEWERS, "sketch", lambda _name, _config: SketchReviewer())
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    write(root, REVISION_A)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "A")
    return root


def test_revalidation_baseline_and_triage_across_two_revisions(repo: Path, tmp_path: Path) -> None:
    rev_a = git(repo, "rev-parse", "HEAD")
    perfaudit("audit", str(repo), "-o", str(tmp_path / "a0"))
    noisy = by_function(findings_json(tmp_path / "a0"))["noisy"]["fingerprint"]
    perfaudit("triage", noisy, str(repo), "--status", "false-positive",
              "--reason", "the loop exits after one pass")

    perfaudit("audit", str(repo), "-o", str(tmp_path / "a"))
    at_a = by_function(findings_json(tmp_path / "a"))
    assert set(at_a) == {"fixedOne", "report", "moved", "gone"}
    assert len(at_a["report"]["related"]) == 1
    with closing(sqlite3.connect(repo / ".perfaudit" / "perfaudit.db")) as db:
        stored = {row[0] for row in db.execute("SELECT path FROM audit_files")}
    assert stored == {"a.go", "b.go", "c.go"}

    write(repo, REVISION_B)
    (repo / "b.go").unlink()
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "B")
    assert "perfaudit.db" not in git(repo, "ls-files")

    output = perfaudit("revalidate", str(repo), "-o", str(tmp_path / "rv"))
    # b.go is gone and the rules found its code nowhere: fixed; "introduced" is new in B
    assert "1 still present, 1 partial, 2 fixed, 0 unknown, 1 new" in output
    revalidated = findings_json(tmp_path / "rv")
    statuses = {f["location"]["function"]: f["status"] for f in revalidated["findings"]}
    assert statuses == {"fixedOne": "fixed", "report": "partial", "moved": "still-present",
                        "gone": "fixed", "introduced": "new"}
    assert all(f["status_reason"] for f in revalidated["findings"])
    moved = by_function(revalidated)["moved"]
    assert moved["fingerprint"] == at_a["moved"]["fingerprint"]
    assert moved["location"]["start_line"] >= at_a["moved"]["location"]["start_line"] + 20
    block = revalidated["audit"]["revalidation"]
    assert (block["still_present"], block["partial"], block["fixed"], block["unknown"],
            block["new"]) == (1, 1, 2, 0, 1)
    report_md = (tmp_path / "rv" / "report.md").read_text(encoding="utf-8")
    assert "Last validated:" in report_md and "| Status |" in report_md
    listed = json.loads(perfaudit("history", str(repo), "--format", "json"))
    assert listed[0]["last_validated"]["partial"] == 1

    for fresh in (False, True):  # reuse the stored audit of A, then audit A in a worktree
        if fresh:
            for stale in (repo / ".perfaudit").glob("perfaudit.db*"):
                stale.unlink()
        out = tmp_path / f"new-{fresh}"
        perfaudit("audit", str(repo), "--new-from-rev", rev_a, "-o", str(out))
        at_b = findings_json(out)
        assert [f["location"]["function"] for f in at_b["findings"]] == ["introduced"]
        assert at_b["audit"]["hidden_by_baseline"] == 2
        assert noisy not in {f["fingerprint"] for f in at_b["findings"]}
        assert [f["fingerprint"] for f in at_b["triaged"]] == [noisy]
        assert at_b["triage"][0]["state"] == "active"
        report_md = (out / "report.md").read_text(encoding="utf-8")
        triage_section = report_md.split("## Triage", 1)[1]
        assert noisy in triage_section and "false-positive" in triage_section
        assert "the loop exits after one pass" in triage_section
        sarif = json.loads((out / "findings.sarif").read_text(encoding="utf-8"))
        dismissed = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
        assert [r["partialFingerprints"]["perfaudit/v1"] for r in dismissed] == [noisy]
        assert dismissed[0]["suppressions"][0]["justification"].startswith("false-positive: ")
        schema = json.loads((Path(__file__).parents[1] / "schemas" / "sarif-schema-2.1.0.json")
                            .read_text(encoding="utf-8"))
        jsonschema.Draft7Validator(schema).validate(sarif)
    assert git(repo, "rev-parse", "HEAD") != rev_a
    assert len(git(repo, "worktree", "list").splitlines()) == 1
    assert git(repo, "status", "--porcelain") == ""
