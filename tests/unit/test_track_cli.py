"""``history``, ``revalidate``, ``triage`` and the audit's tracking flags at the command line."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from perfaudit.cli import main

LOOP = ('package a\n\nimport "time"\n\nfunc f(ch chan int) {\n\tfor {\n\t\tselect {\n'
        '\t\tcase v := <-ch:\n\t\t\t_ = v\n\t\tcase <-time.After(1):\n\t\t}\n\t}\n}\n')
SUPPRESSED = ('package a\n\nimport "time"\n\nfunc g(ch chan int) {\n\tfor {\n'
              '\t\t// perfaudit:ignore time-after-in-loop\n\t\t<-time.After(1)\n'
              '\t\t// perfaudit:ignore time-after-in-loop -- never used\n\t\t<-ch\n\t}\n}\n')


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


@pytest.fixture
def repo(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    # Go 1.22: time-after-in-loop applies only before Go 1.23's timer change
    return make_repo({"go.mod": "module a\n\ngo 1.22\n", "a.go": LOOP, "s.go": SUPPRESSED,
                      "perfaudit.toml": "jobs = 1\n"})


def test_history_lists_audits_as_text_and_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "history", str(repo))[1].startswith("No stored audits")
    code, out, _ = run(capsys, "audit", str(repo), "-f", "json")
    assert code == 0
    code, out, _ = run(capsys, "history", str(repo))
    assert code == 0 and "rules" in out
    code, out, _ = run(capsys, "history", str(repo), "--format", "json")
    rows = json.loads(out)
    assert len(rows) == 1 and sum(rows[0]["counts"].values()) == 1


def test_revalidate_without_history_is_a_usage_error(repo: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "revalidate", str(repo))
    assert code == 2 and err.count("\n") == 1 and "no stored audit" in err
    assert not (repo / ".perfaudit").exists()
    assert run(capsys, "audit", str(repo), "-f", "json")[0] == 0
    code, _, err = run(capsys, "revalidate", str(repo), "--audit", "nope")
    assert code == 2 and "no stored audit with id nope" in err


def test_triage_rejects_bad_input(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "triage", "xyz", str(repo), "--status", "accepted", "--reason", "r")[0] == 2
    code, _, err = run(capsys, "triage", "0" * 16, str(repo), "--status", "accepted",
                       "--reason", "r", "--until", "tomorrow")
    assert code == 2 and "not a date" in err
    code, _, _ = run(capsys, "triage", "0" * 16, str(repo), "--status", "maybe", "--reason", "r")
    assert code == 2


def test_baseline_from_findings_json_and_suppressions_in_triage(
        repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "audit", str(repo), "-o", str(tmp_path / "first"))[0] == 0
    code, out, _ = run(capsys, "audit", str(repo), "-o", str(tmp_path / "second"),
                       "--baseline", str(tmp_path / "first" / "findings.json"))
    assert code == 0 and "1 finding hidden by the baseline" in out
    report = (tmp_path / "second" / "report.md").read_text(encoding="utf-8")
    assert "No performance findings." in report
    triage = report.split("## Triage", 1)[1]
    assert "`s.go:7` — in-code suppression without a reason" in triage
    assert "`s.go:9` — in-code suppression that matched no finding" in triage


def test_revision_flags_need_git_and_exclude_each_other(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "audit", str(repo), "--new-from-rev", "HEAD~1")
    assert code == 2 and err.startswith("perfaudit: git merge-base failed")
    code, _, err = run(capsys, "audit", str(repo), "--new-from-rev", "x", "--baseline", "y")
    assert code == 2 and "exclude each other" in err
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    code, _, err = run(capsys, "audit", str(repo), "--new-from-rev", "--upload-pack=x")
    assert code == 2 and "not a revision" in err


def test_no_history_writes_no_database(repo: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "audit", str(repo), "--no-history", "-o", str(tmp_path / "out"))[0] == 0
    assert not (repo / ".perfaudit" / "perfaudit.db").exists()
    assert (repo / ".perfaudit" / "cache.db").exists()  # the result cache is not history


def test_no_cache_writes_nothing(repo: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "audit", str(repo), "--no-history", "--no-cache",
               "-o", str(tmp_path / "out"))[0] == 0
    assert not (repo / ".perfaudit").exists()


def test_an_adjudication_sticks_in_later_audits(repo: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "audit", str(repo), "-f", "json", "-o", str(tmp_path / "a"))[0] == 0
    [found] = json.loads((tmp_path / "a" / "findings.json").read_text())["findings"]
    assert found["severity"] != "P2"
    code, _, err = run(capsys, "triage", found["fingerprint"], str(repo), "--status",
                       "adjudicated", "--reason", "the loop ends after one message")
    assert code == 2 and "needs a severity" in err
    code, _, _ = run(capsys, "triage", found["fingerprint"], str(repo), "--status", "adjudicated",
                     "--severity", "P2", "--reason", "the loop ends after one message",
                     "--author", "bob")
    assert code == 0
    assert run(capsys, "audit", str(repo), "-f", "json,md", "-o", str(tmp_path / "b"))[0] == 0
    [again] = json.loads((tmp_path / "b" / "findings.json").read_text())["findings"]
    assert again["severity"] == "P2"
    assert again["resolution"] == "adjudicated as P2 by bob: the loop ends after one message"
    assert "adjudicated as P2" in (tmp_path / "b" / "report.md").read_text()
