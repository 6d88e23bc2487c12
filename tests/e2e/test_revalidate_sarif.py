"""Re-validating an imported reviewer: from a newer SARIF log, or by its quotes when it has none."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from perfaudit.cli import main

SOURCE = ("package a\n\nimport \"strings\"\n\nfunc Join(parts []string) string {\n"
          "\tout := \"\"\n\tfor _, p := range parts {\n\t\tout += strings.ToUpper(p)\n\t}\n"
          "\treturn out\n}\n\nfunc Keys(m map[string]int) []string {\n"
          "\tvar keys []string\n\tfor k := range m {\n\t\tkeys = append(keys, k)\n\t}\n"
          "\treturn keys\n}\n")
FIXED = SOURCE.replace("\t\tkeys = append(keys, k)\n", "\t\t_ = k\n")


def _result(rule: str, line: int, snippet: str) -> dict[str, object]:
    return {"ruleId": rule, "level": "warning", "message": {"text": f"{rule} here"},
            "properties": {"category": "allocation"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.go"},
                                                "region": {"startLine": line,
                                                           "snippet": {"text": snippet}}}}]}


def _log(*results: dict[str, object]) -> str:
    return json.dumps({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "PerfLint"}},
                                                     "results": list(results)}]})


CONCAT = _result("PL1", 8, "out += strings.ToUpper(p)")
APPEND = _result("PL2", 16, "keys = append(keys, k)")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    return int(done.value.code or 0), capsys.readouterr().out


def _statuses(out: Path) -> dict[str, tuple[str, str]]:
    report = json.loads((out / "findings.json").read_text())
    return {f["rule"]: (f["status"], f["status_reason"]) for f in report["findings"]
            if "PerfLint" in f["reviewers"]}


@pytest.fixture
def audited(make_repo: Callable[[dict[str, str | bytes]], Path], tmp_path: Path,
            capsys: pytest.CaptureFixture[str]) -> Path:
    root = make_repo({"go.mod": "module a\n\ngo 1.22\n", "a.go": SOURCE,
                      "perfaudit.toml": "jobs = 1\n"})
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (tmp_path / "v1.sarif").write_text(_log(CONCAT, APPEND))
    code, _ = _run(capsys, "audit", str(root), "--reviewer", f"sarif:{tmp_path / 'v1.sarif'}",
                   "--all", "-f", "json", "-o", str(tmp_path / "a"))
    assert code == 0
    (root / "a.go").write_text(FIXED)
    (tmp_path / "v1.sarif").unlink()  # the old log is gone, as in CI
    return root


def test_without_a_newer_log_its_quotes_are_looked_for(
        audited: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _run(capsys, "revalidate", str(audited), "-f", "json", "-o", str(tmp_path / "rv"))
    assert code == 0
    assert _statuses(tmp_path / "rv") == {
        "PL1": ("still-present", "the quoted code is still in a.go (line 8); PerfLint did not "
                                 "look again"),
        "PL2": ("fixed", "the quoted code is no longer in a.go; PerfLint did not look again")}


def test_a_newer_log_re_runs_the_imported_reviewer(
        audited: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "v2.sarif").write_text(_log(CONCAT))
    code, _ = _run(capsys, "revalidate", str(audited), "--sarif",
                   f"PerfLint={tmp_path / 'v2.sarif'}", "-f", "json", "-o", str(tmp_path / "rv"))
    assert code == 0
    statuses = _statuses(tmp_path / "rv")
    assert statuses["PL1"] == ("still-present", "still at a.go:8 in `Join`")
    assert statuses["PL2"][0] == "fixed" and statuses["PL2"][1].startswith("a.go:16 now reads")
    code, _ = _run(capsys, "revalidate", str(audited), "--sarif", "PerfLint")
    assert code == 2
