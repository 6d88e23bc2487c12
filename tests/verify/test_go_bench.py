"""End to end on a real Go module: bench two revisions, compare a revision with itself, profile."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from verify_helpers import commit_all, finding, run_cli, run_json, write_findings

pytestmark = pytest.mark.usefixtures("go_environ")


@pytest.fixture
def go_environ(monkeypatch: pytest.MonkeyPatch, go_env: dict[str, str]) -> None:
    for key, value in go_env.items():
        monkeypatch.setenv(key, value)


def _worktrees(repo: Path) -> str:
    return subprocess.run(["git", "-C", str(repo), "worktree", "list"], capture_output=True,
                          text=True, check=True).stdout


def _rows(doc: dict, unit: str) -> dict[str, dict]:
    return {r["benchmark"]: r for r in doc["benchmarks"] if r["unit"] == unit}


def test_the_fix_of_a_quadratic_loop_is_significantly_faster(capsys, go_repo) -> None:
    repo, slow, fast = go_repo
    doc = run_json(capsys, "bench", "-C", str(repo), "--base", slow, "--head", fast,
                   "--count", "5", "--benchtime", "50x")
    dedupe = _rows(doc, "sec/op")["Dedupe"]
    assert dedupe["significant"] is True
    assert dedupe["delta_pct"] < -50
    assert dedupe["p_adjusted"] < 0.05
    assert len(dedupe["base"]["samples"]) == 5 == len(dedupe["head"]["samples"])
    assert _rows(doc, "items/op")["Dedupe"]["significant"] is False
    assert doc["commits"] == {"base": slow, "head": fast}
    assert [g["unit"] for g in doc["geomean"]][:1] == ["sec/op"]
    assert _worktrees(repo).count("\n") == 1  # the temporary worktrees are gone


def test_a_revision_compared_with_itself_shows_no_change(capsys, go_repo) -> None:
    repo, slow, _fast = go_repo
    # Four rounds: with Holm over two benchmarks no outcome of the exact test can be
    # significant, so the expected `~` cannot flake.
    code, out, err = run_cli(capsys, "bench", "-C", str(repo), "--base", slow, "--head", slow,
                             "--count", "4", "--benchtime", "20x")
    assert code == 0, err
    rows = [line for line in out.splitlines() if line.startswith(("Dedupe", "Sum"))]
    assert rows and all("~ (p=" in line for line in rows)
    assert "too few samples" in out


def test_a_revision_that_does_not_build_is_one_clear_line(capsys, go_repo, tmp_path) -> None:
    repo, slow, _fast = go_repo
    broken = tmp_path / "broken"
    subprocess.run(["git", "clone", "-q", str(repo), str(broken)], check=True)
    (broken / "dedupe.go").write_text("package dedupe\n\nfunc Dedupe( {\n", encoding="utf-8")
    bad = commit_all(broken, "break the build")
    code, _out, err = run_cli(capsys, "bench", "-C", str(broken), "--base", slow, "--head", bad,
                              "--count", "1", "--benchtime", "1x")
    assert code == 2
    assert err.count("\n") == 1
    assert f"head ({bad[:12]}): does not build: " in err
    assert "dedupe.go:3" in err
    code, _out, err = run_cli(capsys, "bench", "-C", str(broken), "--base", "nope",
                              "--head", bad)
    assert code == 2 and "unknown revision 'nope'" in err


def test_a_cpu_profile_escalates_the_hot_finding(capsys, go_repo, tmp_path) -> None:
    repo, slow, _fast = go_repo
    work = tmp_path / "work"
    subprocess.run(["git", "clone", "-q", str(repo), str(work)], check=True)
    subprocess.run(["git", "-C", str(work), "checkout", "-q", slow], check=True)
    profile = tmp_path / "cpu.pprof"
    subprocess.run(["go", "test", "-run", "^$", "-bench", "Dedupe", "-benchtime", "300x",
                    "-cpuprofile", str(profile), "-o", str(tmp_path / "dedupe.test")],
                   cwd=work, check=True, capture_output=True)
    findings = write_findings(work / ".perfaudit" / "audits" / "20261123T120000Z-test", [
        finding(1, "dedupe.go", "Unused", 38), finding(2, "dedupe.go", "Dedupe", 6)])
    doc = run_json(capsys, "profile", str(profile), str(work))
    by_number = {f["number"]: f for f in doc["findings"]}
    assert by_number[2]["severity"] == "P0" and by_number[2]["previous_severity"] == "P1"
    assert "of CPU" in by_number[2]["evidence"][-1]["summary"]
    assert by_number[2]["hotness"] >= 0.5
    assert by_number[1]["severity"] == "P2"
    assert by_number[1]["evidence"][-1]["summary"] == "not observed in profile — likely low impact"
    assert [f["number"] for f in doc["findings"]] == [2, 1]
    hot = {f["name"]: f for f in doc["functions"]}
    assert hot["dedupe.Dedupe"]["findings"] == [2] and hot["dedupe.Dedupe"]["cumulative"] >= 0.5
    assert hot["dedupe.Dedupe"]["file"] == "dedupe.go"
    report = (findings.parent / "verified" / "report.md").read_text(encoding="utf-8")
    assert "## Hottest functions" in report and "not observed in profile" in report


def test_a_module_in_a_subdirectory(capsys, go_repo, tmp_path) -> None:
    repo, _slow, _fast = go_repo
    mono = tmp_path / "mono"
    (mono / "svc").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(mono)], check=True)
    (mono / "README").write_text("several modules\n", encoding="utf-8")
    for name in ("go.mod", "dedupe.go", "dedupe_test.go"):
        (mono / "svc" / name).write_bytes((repo / name).read_bytes())
    first = commit_all(mono, "one")
    (mono / "README").write_text("still several modules\n", encoding="utf-8")
    second = commit_all(mono, "two")
    doc = run_json(capsys, "bench", "-C", str(mono / "svc"), "--base", first, "--head", second,
                   "--count", "1", "--bench", "Sum", "--benchtime", "1x")
    assert doc["language"] == "go"
    assert {r["benchmark"] for r in doc["benchmarks"]} == {"Sum"}
