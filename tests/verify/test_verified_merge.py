"""bench, compare and profile write one verified report per audit: each keeps what the others
wrote there, and none overwrites another audit's report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from verify_helpers import finding, run_cli, write_findings

FOLDED = "main (pkg/app.py:16);build (pkg/app.py:5) 80\nmain (pkg/app.py:16) 20\n"


def _go(name: str, base: int) -> str:
    return "".join(f"Benchmark{name}-2  10  {base + i} ns/op\n" for i in range(6))


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    audit = tmp_path / "proj" / ".perfaudit" / "audits" / "20261101T000000Z-a"
    findings = write_findings(audit, [finding(1, "pkg/app.py", "Index.build", 8),
                                      finding(2, "pkg/app.py", "A", 3)])
    profile = tmp_path / "py-spy.txt"
    profile.write_text(FOLDED, encoding="utf-8")
    for name, base in (("A", 100), ("B", 100)):
        (tmp_path / f"old{name}.txt").write_text(_go(name, base), encoding="utf-8")
        (tmp_path / f"new{name}.txt").write_text(_go(name, base // 2), encoding="utf-8")
    return findings, profile


def _verified(findings: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((findings.parent / "verified" / "findings.json")
                                     .read_text(encoding="utf-8"))
    return doc


def _kinds(doc: dict[str, Any], number: int) -> list[str]:
    found = next(f for f in doc["findings"] if f["number"] == number)
    return [e["kind"] for e in found["evidence"]]


def _compare(capsys, tmp_path: Path, findings: Path, name: str = "A") -> None:
    code, _out, err = run_cli(capsys, "compare", str(tmp_path / f"old{name}.txt"),
                              str(tmp_path / f"new{name}.txt"), "--findings", str(findings))
    assert code == 0, err


def _profile(capsys, profile: Path, findings: Path) -> None:
    code, _out, err = run_cli(capsys, "profile", str(profile), "--findings", str(findings))
    assert code == 0, err


def test_compare_after_profile_keeps_the_profile(capsys, tmp_path) -> None:
    findings, profile = _setup(tmp_path)
    _profile(capsys, profile, findings)
    _compare(capsys, tmp_path, findings)
    doc = _verified(findings)
    assert doc["profile_source"].startswith(str(profile))
    assert doc["hot_functions"] and [m["benchmark"] for m in doc["metrics"]] == ["A-2"]
    assert _kinds(doc, 1) == ["profile"] and _kinds(doc, 2) == ["profile", "benchmark"]
    report = (findings.parent / "verified" / "report.md").read_text(encoding="utf-8")
    assert "## Hottest functions" in report and "## Baseline metrics and verification" in report


def test_profile_after_compare_keeps_the_benchmarks(capsys, tmp_path) -> None:
    findings, profile = _setup(tmp_path)
    _compare(capsys, tmp_path, findings)
    _profile(capsys, profile, findings)
    doc = _verified(findings)
    assert doc["hot_functions"] and [m["benchmark"] for m in doc["metrics"]] == ["A-2"]
    assert _kinds(doc, 2) == ["profile", "benchmark"]


def test_running_either_again_replaces_only_its_own_results(capsys, tmp_path) -> None:
    findings, profile = _setup(tmp_path)
    _profile(capsys, profile, findings)
    _compare(capsys, tmp_path, findings)
    once = _verified(findings)
    _profile(capsys, profile, findings)
    _compare(capsys, tmp_path, findings)
    assert _verified(findings) == once
    severity = next(f["severity"] for f in once["findings"] if f["number"] == 1)
    assert severity == "P0"  # escalated once from P1, not twice


def test_comparisons_of_other_benchmarks_are_kept(capsys, tmp_path) -> None:
    findings, _profile_file = _setup(tmp_path)
    _compare(capsys, tmp_path, findings, "A")
    _compare(capsys, tmp_path, findings, "B")
    assert [m["benchmark"] for m in _verified(findings)["metrics"]] == ["A-2", "B-2"]


def test_profile_of_a_re_ranked_report_is_refused(capsys, tmp_path) -> None:
    findings, profile = _setup(tmp_path)
    _profile(capsys, profile, findings)
    verified = findings.parent / "verified" / "findings.json"
    code, _out, err = run_cli(capsys, "profile", str(profile), "--findings", str(verified),
                              "-o", str(tmp_path / "again"))
    assert code == 2 and err.count("\n") == 1
    assert "already re-ranked by a profile" in err and "the audit's own findings.json" in err
    assert not (tmp_path / "again").exists()


def test_another_audits_verified_report_is_not_overwritten(capsys, tmp_path) -> None:
    findings, profile = _setup(tmp_path)
    shared = tmp_path / "verified-here"
    code, _out, err = run_cli(capsys, "profile", str(profile), "--findings", str(findings),
                              "-o", str(shared))
    assert code == 0, err
    before = (shared / "findings.json").read_text(encoding="utf-8")
    other = write_findings(tmp_path / "other", [finding(1, "pkg/app.py", "A", 3)])
    other.write_text(other.read_text(encoding="utf-8").replace("20261123T120000Z-test",
                                                               "20261201T000000Z-other"),
                     encoding="utf-8")
    code, _out, err = run_cli(capsys, "compare", str(tmp_path / "oldA.txt"),
                              str(tmp_path / "newA.txt"), "--findings", str(other),
                              "-o", str(shared))
    assert code == 2 and err.count("\n") == 1
    assert "holds the verified report of audit 20261123T120000Z-test" in err
    assert "--output" in err
    assert (shared / "findings.json").read_text(encoding="utf-8") == before


def test_something_else_in_the_output_directory_is_not_overwritten(capsys, tmp_path) -> None:
    findings, profile = _setup(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "findings.json").write_text("{not json", encoding="utf-8")
    code, _out, err = run_cli(capsys, "profile", str(profile), "--findings", str(findings),
                              "-o", str(out))
    assert code == 2 and "not a readable perfaudit report" in err
    assert (out / "findings.json").read_text(encoding="utf-8") == "{not json"
