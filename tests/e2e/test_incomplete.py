"""An audit that lost work says so everywhere and never exits as if it were complete."""

from __future__ import annotations

import faulthandler
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_py_service import EXAMPLE, EXPECTED  # the example's findings, one place

from perfaudit.cli import main
from perfaudit.errors import EXIT_INCOMPLETE, EXIT_OK, EXIT_USAGE
from perfaudit.rules.engine import scan as rules_scan

CRASHING = "stockroom/reports.py"
HEALTHY = {item for item in EXPECTED if item[1] != CRASHING}


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(args)
    out = capsys.readouterr()
    return int(done.value.code or 0), out.out, out.err


@pytest.fixture
def service(tmp_path: Path) -> Path:
    target = tmp_path / "service"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".perfaudit"))
    return target


@pytest.fixture
def crashing_engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The engine dies (as a native crash would) on one file; workers are forked, so they
    inherit the patch (and not pytest's fault handler, which would print the crash)."""
    real = rules_scan.scan_parsed

    def scan(path: str, *args: object, **kwargs: object) -> object:
        if path == CRASHING:
            os.kill(os.getpid(), signal.SIGSEGV)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rules_scan, "scan_parsed", scan)
    was_enabled = faulthandler.is_enabled()
    faulthandler.disable()
    yield
    if was_enabled:
        faulthandler.enable()


@pytest.mark.parametrize("jobs", [["-j", "1"], ["-j", "2"], []])
def test_a_file_that_crashes_the_engine_costs_that_file_alone(
        jobs: list[str], service: Path, tmp_path: Path, crashing_engine: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, stdout, _err = _run(["audit", str(service), "-o", str(out), "--no-history", *jobs],
                              capsys)
    assert code == EXIT_INCOMPLETE
    assert "Incomplete audit" in stdout and CRASHING in stdout
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    found = {(f["rule"], f["location"]["path"], f["location"]["start_line"])
             for f in data["findings"]}
    assert found == HEALTHY
    assert data["audit"]["complete"] is False
    assert data["audit"]["incomplete_reasons"] == [f"rules: engine-crash in 1 file ({CRASHING})"]
    crash = [d for d in data["audit"]["diagnostics"] if d["kind"] == "engine-crash"]
    assert [(d["path"], d["message"]) for d in crash] == [(
        CRASHING, "the rules engine crashed on this file twice (killed by SIGSEGV); "
                  "it was not reviewed")]
    run = data["audit"]["reviewers"][0]
    assert (run["errors"], run["files_reviewed"]) == (1, data["audit"]["files_scanned"] - 1)
    sarif = json.loads((out / "findings.sarif").read_text(encoding="utf-8"))
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["level"] == "error"
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "> **Incomplete audit.**" in report and f"> - rules: engine-crash in 1 file ({CRASHING})" in report


def test_allow_incomplete_keeps_the_findings_exit_code(
        service: Path, tmp_path: Path, crashing_engine: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, _err = _run(["audit", str(service), "-o", str(tmp_path / "out"), "--no-history",
                             "--allow-incomplete", "-j", "1"], capsys)
    assert code == EXIT_OK
    code, _out, _err = _run(["audit", str(service), "-o", str(tmp_path / "out"), "--no-history",
                             "--allow-incomplete", "--fail-on", "P1", "-j", "1"], capsys)
    assert code == 1


def test_a_requested_reviewer_that_is_not_installed_makes_the_audit_incomplete(
        service: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    code, stdout, _err = _run(["audit", str(service), "-o", str(tmp_path / "out"), "--no-history",
                               "--reviewer", "rules", "--reviewer", "golangci-lint",
                               "--fail-on", "P2", "-f", "json"], capsys)
    assert code == EXIT_INCOMPLETE
    assert "with rules\n" in stdout
    data = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    assert data["audit"]["incomplete_reasons"] == ["reviewer golangci-lint was not available"]


def test_a_healthy_audit_is_complete(service: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _err = _run(["audit", str(service), "-o", str(tmp_path / "out"), "--no-history"],
                              capsys)
    assert code == EXIT_OK and "Incomplete" not in stdout
    data = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    assert (data["audit"]["complete"], data["audit"]["incomplete_reasons"]) == (True, [])


def test_an_output_path_that_cannot_be_written_is_one_line_exit_2(
        service: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    (out / "report.md").mkdir(parents=True)
    code, _out, err = _run(["audit", str(service), "-o", str(out), "--no-history"], capsys)
    assert code == EXIT_USAGE
    assert err == f"perfaudit: cannot write {out / 'report.md'}: Is a directory\n"


def test_a_reader_that_leaves_early_does_not_change_the_exit_code(service: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for flags, expected in (([], EXIT_OK), (["--fail-on", "P1"], 1)):
        with subprocess.Popen([sys.executable, "-m", "perfaudit", "audit", str(service), "-o",
                               str(tmp_path / "out"), "--no-history", *flags],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as proc:
            assert proc.stdout is not None and proc.stderr is not None
            assert proc.stdout.readline().startswith(b"perfaudit audited")
            proc.stdout.close()  # as `| head -1` does
            err = proc.stderr.read()
            assert proc.wait(timeout=120) == expected, err
            assert err == b""
