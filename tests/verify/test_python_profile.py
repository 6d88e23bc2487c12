"""End to end with a cProfile/pstats file made in the test, and saved benchmark files."""

from __future__ import annotations

import cProfile
import importlib.util
import json
from pathlib import Path

from verify_helpers import finding, run_cli, run_json, write_findings

APP = '''"""A small module with one hot path and one path the workload never takes."""


class Index:
    def build(self, items):
        out = []
        for item in items:
            if item not in out:
                out.append(item)
        return out

    def rebuild(self, items):
        return sorted(set(items))


def main():
    return len(Index().build(list(range(1500))))


def never():
    return sum(range(10))
'''


def _profile(tmp_path: Path) -> tuple[Path, Path]:
    repo = tmp_path / "proj"
    (repo / "pkg").mkdir(parents=True)
    source = repo / "pkg" / "app.py"
    source.write_text(APP, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("perfaudit_test_app", source)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    profiler = cProfile.Profile()
    profiler.runcall(module.main)
    out = tmp_path / "app.pstats"
    profiler.dump_stats(out)
    return repo, out


def test_pstats_escalates_the_hot_method_and_marks_unseen_code(capsys, tmp_path) -> None:
    repo, stats = _profile(tmp_path)
    audits = repo / ".perfaudit" / "audits"
    write_findings(audits / "20261101T000000Z-old", [finding(9, "pkg/app.py", "never", 20)])
    path = write_findings(audits / "20261123T120000Z-new", [
        finding(1, "pkg/app.py", "never", 20), finding(2, "pkg/app.py", "Index.rebuild", 13),
        finding(3, "pkg/app.py", "Index.build", 8)])
    doc = run_json(capsys, "profile", str(stats), str(repo))
    by_number = {f["number"]: f for f in doc["findings"]}
    assert set(by_number) == {1, 2, 3}  # the newest audit was chosen
    assert by_number[3]["severity"] == "P0"
    assert "of CPU time" in by_number[3]["evidence"][-1]["summary"]
    assert by_number[1]["severity"] == by_number[2]["severity"] == "P2"
    assert doc["findings"][0]["number"] == 3
    written = json.loads((path.parent / "verified" / "findings.json").read_text(encoding="utf-8"))
    assert written["findings"][0]["evidence"][0]["kind"] == "profile"
    sarif = json.loads((path.parent / "verified" / "findings.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"][0]["properties"]["evidence"][0]["kind"] == "profile"


def test_profile_text_table_and_explicit_findings(capsys, tmp_path) -> None:
    repo, stats = _profile(tmp_path)
    path = write_findings(tmp_path / "elsewhere", [finding(1, "pkg/app.py", "Index.build", 8)])
    code, out, err = run_cli(capsys, "profile", str(stats), str(repo), "--findings", str(path),
                             "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert "Hottest functions in" in out and "build" in out and "#1" in out
    assert "P1→P0" in out
    assert (tmp_path / "out" / "report.md").is_file()


def test_profile_errors_are_one_line(capsys, tmp_path) -> None:
    repo, stats = _profile(tmp_path)
    code, _out, err = run_cli(capsys, "profile", str(stats), str(repo))
    assert code == 2 and "no audit found" in err and err.count("\n") == 1
    bad = tmp_path / "bad.prof"
    bad.write_bytes(b"\x00\x01\x02garbage")
    findings = write_findings(tmp_path / "f", [finding(1, "a.py", "f", 1)])
    code, _out, err = run_cli(capsys, "profile", str(bad), "--findings", str(findings))
    assert code == 2 and "not a pprof profile" in err and err.count("\n") == 1


GO_OLD = "pkg: m\nBenchmarkA-2  10  100 ns/op\n" * 1 + "".join(
    f"BenchmarkA-2  10  {100 + i} ns/op  64 B/op  2 allocs/op\n" for i in range(6))
GO_NEW = "".join(f"BenchmarkA-2  10  {50 + i} ns/op  64 B/op  2 allocs/op\n" for i in range(6))


def test_compare_saved_files_and_attach_to_findings(capsys, tmp_path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(GO_OLD, encoding="utf-8")
    new.write_text(GO_NEW, encoding="utf-8")
    findings = write_findings(tmp_path / "audit", [finding(1, "a.go", "A", 3)])
    doc = run_json(capsys, "compare", str(old), str(new), "--findings", str(findings))
    row = next(r for r in doc["benchmarks"] if r["unit"] == "sec/op")
    assert row["significant"] and row["delta_pct"] < -40
    report = (tmp_path / "audit" / "verified" / "report.md").read_text(encoding="utf-8")
    assert "## Baseline metrics and verification" in report
    assert "| A-2 | time/op |" in report and "Evidence (benchmark)" in report
    code, out, _err = run_cli(capsys, "compare", str(old), str(old), "--no-holm")
    assert code == 0 and "~ (p=1.000 n=7+7)" in out and "uncorrected" in out


def test_compare_pytest_benchmark_json(capsys, tmp_path) -> None:
    def doc(values: list[float]) -> str:
        return json.dumps({"benchmarks": [{"name": "test_x", "stats": {"data": values}}]})

    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(doc([1.0, 1.1, 1.2, 1.3, 1.4]), encoding="utf-8")
    new.write_text(doc([2.0, 2.1, 2.2, 2.3, 2.4]), encoding="utf-8")
    result = run_json(capsys, "compare", str(old), str(new))
    assert result["benchmarks"][0]["significant"] is True
    assert result["benchmarks"][0]["p_value"] == 2 / 252


def test_compare_gzipped_pyperf_files(capsys, tmp_path) -> None:
    import gzip

    def doc(values: list[float]) -> bytes:
        bench = {"metadata": {"name": "startup"}, "runs": [{"values": values}]}
        return gzip.compress(json.dumps({"version": "1.0", "benchmarks": [bench]}).encode())

    old, new = tmp_path / "old.json.gz", tmp_path / "new.json.gz"
    old.write_bytes(doc([0.010, 0.011, 0.012, 0.013]))
    new.write_bytes(doc([0.010, 0.011, 0.012, 0.013]))
    code, out, _err = run_cli(capsys, "compare", str(old), str(new))
    assert code == 0 and out.startswith("sec/op") and "startup  " in out and "~ (p=1.000" in out


def test_folded_stacks_and_a_chosen_audit(capsys, tmp_path) -> None:
    repo = tmp_path / "proj"
    audits = repo / ".perfaudit" / "audits"
    write_findings(audits / "20261101T000000Z-a", [finding(1, "pkg/app.py", "Index.build", 8)])
    write_findings(audits / "20261201T000000Z-b", [finding(1, "pkg/app.py", "never", 20)])
    folded = tmp_path / "py-spy.txt"
    folded.write_text("main (pkg/app.py:16);build (pkg/app.py:5) 80\nmain (pkg/app.py:16) 20\n",
                      encoding="utf-8")
    doc = run_json(capsys, "profile", str(folded), str(repo), "--audit", "20261101T000000Z-a")
    assert doc["findings"][0]["severity"] == "P0"
    assert doc["findings"][0]["evidence"][-1]["summary"].startswith("80 % of samples")
    assert (audits / "20261101T000000Z-a" / "verified" / "findings.json").is_file()
