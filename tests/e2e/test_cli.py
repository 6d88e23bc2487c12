"""The CLI as a user meets it: exit codes, one-line errors, files written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from perfaudit.cli import main

# F takes an http.ResponseWriter: a request handler, so its match is a finding, not a lead
GO = "package a\n\nimport \"time\"\n\nfunc F(w http.ResponseWriter, c chan int) {\n\tfor {\n\t\tselect {\n" \
     "\t\tcase <-c:\n\t\tcase <-time.After(time.Second):\n\t\t}\n\t}\n}\n"
GO_MOD = "module a\n\ngo 1.22\n"  # time-after-in-loop applies only before Go 1.23


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out = capsys.readouterr()
    return int(exit_info.value.code or 0), out.out, out.err


def test_missing_path_is_one_line_exit_2(capsys) -> None:
    code, _out, err = run_cli(["audit", "/no/such/path"], capsys)
    assert code == 2
    assert err.strip() == "perfaudit: no such path: /no/such/path"


@pytest.mark.parametrize("args", [
    ["audit", ".", "--bogus"],
    ["audit", ".", "--fail-on", "P9"],
    ["audit", ".", "--select", "no-such-rule"],
    ["audit", ".", "--format", "pdf"],
    ["rule", "no-such-rule"],
])
def test_bad_flags_are_usage_errors(args, capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _out, err = run_cli(args, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_bad_config_file_is_exit_2(make_repo, capsys) -> None:
    root = make_repo({"a.go": GO, "perfaudit.toml": "jobs = 'many'\n"})
    code, _out, err = run_cli(["audit", str(root)], capsys)
    assert code == 2
    assert err == f"perfaudit: {root / 'perfaudit.toml'}: jobs: must be a whole number (got \"many\")\n"


def test_audit_writes_reports_and_fails_on(make_repo, capsys, tmp_path) -> None:
    root = make_repo({"go.mod": GO_MOD, "a.go": GO})
    out_dir = tmp_path / "out"
    code, out, _err = run_cli(["audit", str(root), "-o", str(out_dir), "--fail-on", "P2",
                               "-j", "1"], capsys)
    assert code == 1
    assert {p.name for p in out_dir.iterdir()} == {"report.md", "findings.json", "findings.sarif"}
    assert "Wrote" in out and "1 finding —" in out
    data = json.loads((out_dir / "findings.json").read_text())
    assert data["schema_version"] == "1.0"
    assert data["findings"][0]["rule"] == "time-after-in-loop"


def test_default_output_dir_and_config_from_pyproject(make_repo, capsys) -> None:
    root = make_repo({"a.go": GO, "pyproject.toml": "[tool.perfaudit]\nformat = ['json']\n"})
    code, out, _err = run_cli(["audit", str(root), "-j", "1"], capsys)
    assert code == 0
    written = list((root / ".perfaudit" / "audits").glob("*/findings.json"))
    assert len(written) == 1 and str(written[0]) in out


def test_rules_and_rule_commands(capsys) -> None:
    code, out, _ = run_cli(["rules"], capsys)
    assert code == 0 and "time-after-in-loop" in out
    code, out, _ = run_cli(["rule", "time-after-in-loop"], capsys)
    assert code == 0 and "### Problem" in out and "### Not flagged" in out


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "perfaudit", "audit", str(tmp_path / "nope")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1


def test_hostile_repository_audits_without_traceback(make_repo, capsys, tmp_path) -> None:
    import os

    root = make_repo({
        "ok.go": GO,
        "blob.bin": b"\x00\x01\x02binary",
        "server": b"\x7fELF\x02\x01\x01\x00\x00",
        "bad_utf8.go": b"package a\n// caf\xe9\n",
        "huge.go": "package a\n" + ("var _ = 1\n" * 600_000),
        "broken.go": "package a\n\nfunc (\n\tx := time.After(1)\n",
    })
    os.symlink("loop_b", root / "loop_a")
    os.symlink("loop_a", root / "loop_b")
    os.symlink(".", root / "self")
    out_dir = tmp_path / "out"
    code, _out, err = run_cli(["audit", str(root), "-o", str(out_dir), "-j", "1"], capsys)
    assert code == 0 and "Traceback" not in err
    audit = json.loads((out_dir / "findings.json").read_text())["audit"]
    skips = {s["path"]: s["reason"] for s in audit["skipped_files"]}
    assert skips["server"] == "binary" and skips["blob.bin"] == "binary"
    assert skips["bad_utf8.go"] == "undecodable"
    assert skips["huge.go"] == "oversized"
    assert skips["loop_a"] == "symlink"
    assert {(d["kind"], d["path"]) for d in audit["diagnostics"]} >= {("parse-error", "broken.go")}
    assert audit["files_scanned"] == 2
