"""The bundled Go example: the audit finds exactly its planted problems and nothing else."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from perfaudit.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "go-service"

EXPECTED = {  # rule, path, line, severity, tier: P0/P1 only where the heat model sees a hot path
    ("regexp-compile-in-loop", "api.go", 75, "P0", "finding"),
    ("string-concat-in-loop", "api.go", 87, "P0", "finding"),
    ("mutex-held-across-io", "store.go", 94, "P1", "finding"),
    ("json-roundtrip-deep-copy", "store.go", 125, "P1", "finding"),
    ("http-client-without-timeout", "pricing.go", 12, "P2", "lead"),
    ("rescan-accumulated-in-loop", "sync.go", 72, "P1", "finding"),
    ("defer-in-loop", "sync.go", 93, "P2", "lead"),
    ("cli-main-without-signal-context", "main.go", 29, "P2", "lead"),
    ("http-server-without-timeouts", "main.go", 34, "P2", "lead"),
}


@pytest.fixture
def audited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[dict, str]:
    root = tmp_path / "go-service"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".perfaudit"))
    with pytest.raises(SystemExit) as done:
        main(["audit", str(root), "-o", str(tmp_path / "out"), "-j", "2", "--no-history",
              "--fail-on", "P0"])
    assert done.value.code == 1  # P0 findings present
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    return report, (tmp_path / "out" / "report.md").read_text(encoding="utf-8")


def test_exact_findings(audited: tuple[dict, str]) -> None:
    report, _ = audited
    found = {(f["rule"], f["location"]["path"], f["location"]["start_line"], f["severity"],
              f["tier"]) for f in report["findings"]}
    assert found == EXPECTED
    assert report["audit"]["language_versions"] == {"go": "1.22"}
    assert report["audit"]["files_scanned"] == 6


def test_a_timer_per_interval_of_a_periodic_loop_is_left_out(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["audit", str(EXAMPLE), "-o", str(tmp_path / "out"), "--no-history", "--all",
              "-f", "json"])
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    [timer] = [f for f in report["findings"] if f["rule"] == "time-after-in-loop"]
    assert "leaks" in timer["title"]  # go 1.22: before the timer change
    assert (timer["tier"], timer["location"]["start_line"]) == ("unproven", 36)
    assert timer["heat"] == "runs once per interval of a periodic loop: `(*Syncer).Run`"
    assert report["audit"]["unproven_matches"] == 1 and report["audit"]["cold_shown"] is True


def test_version_and_context_are_explained(audited: tuple[dict, str]) -> None:
    report, markdown = audited
    by_rule = {f["rule"]: f for f in report["findings"]}
    assert "per-request" in by_rule["regexp-compile-in-loop"]["resolution"]
    assert by_rule["mutex-held-across-io"]["heat"] == (
        "HTTP handler: runs per request: `(*API).adjustStock` → `(*Store).Adjust`")
    assert "## Leads" in markdown and "1 match was left out: 1 as unproven" in markdown
    assert by_rule["http-server-without-timeouts"]["resolution"] == "runs once at start-up"
    assert "## Prioritised actions" in markdown and "### P0 — fix now" in markdown
    assert "sync.go:36" not in markdown
