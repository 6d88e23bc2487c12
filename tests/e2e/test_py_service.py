"""End to end: audit the bundled Python service through the CLI and check every finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from perfaudit.cli import cli
from perfaudit.reviewers.linters.ruff import find_executable

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "py-service"

EXPECTED = {
    ("sync-http-in-async", "stockroom/api.py", 51),
    ("time-sleep-in-async", "stockroom/api.py", 69),
    ("list-membership-in-loop", "stockroom/catalog.py", 17),
    ("nested-loop-equality-join", "stockroom/catalog.py", 33),
    ("lru-cache-on-method", "stockroom/pricing.py", 22),
    ("regex-compile-in-loop", "stockroom/pricing.py", 58),
    ("eager-log-format-in-loop", "stockroom/reports.py", 30),
    ("string-concat-in-loop", "stockroom/reports.py", 31),
    ("len-of-materialized-list", "stockroom/reports.py", 37),
    ("clock-read-per-item", "stockroom/reports.py", 44),
    ("requests-without-session-in-loop", "stockroom/sync.py", 38),
    ("deepcopy-in-loop", "stockroom/sync.py", 47),
    ("list-pop-front-in-loop", "stockroom/worker.py", 30),
    ("executor-created-in-loop", "stockroom/worker.py", 52),
}
LEFT_OUT = {("clock-read-per-item", "stockroom/api.py", 67)}  # shown with --all: periodic task
RUFF_EXPECTED = {
    ("ruff:PERF401", "stockroom/catalog.py", 72),
    ("ruff:FURB129", "stockroom/config.py", 36),
}


def _audit(tmp_path: Path, *flags: str) -> dict:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["audit", str(EXAMPLE), "-o", str(out), "-f", "json",
                                      "-j", "1", *flags])
    assert result.exit_code == 0, result.output
    return json.loads((out / "findings.json").read_text(encoding="utf-8"))


def _members(report: dict) -> set[tuple[str, str, int]]:
    return {(m["rule"], m["location"]["path"], m["location"]["start_line"])
            for f in report["findings"] for m in f["members"]}


def test_a_per_item_cost_in_a_periodic_task_is_left_out_as_unproven(tmp_path: Path) -> None:
    report = _audit(tmp_path, "--all")
    [clock] = [f for f in report["findings"] if f["location"]["path"] == "stockroom/api.py"
               and f["rule"] == "clock-read-per-item"]
    assert clock["tier"] == "unproven" and clock["location"]["start_line"] == 67
    assert clock["heat"] == "runs once per interval of a periodic loop: `purge_expired`"


def test_builtin_rules_find_exactly_the_planted_problems(tmp_path: Path) -> None:
    report = _audit(tmp_path)
    got = {(f["rule"], f["location"]["path"], f["location"]["start_line"])
           for f in report["findings"]}
    assert got == EXPECTED
    assert report["audit"]["language_versions"] == {"python": "3.11"}
    assert all(f["reviewers"] == ["rules"] for f in report["findings"])


@pytest.mark.skipif(find_executable("ruff") is None, reason="ruff is not installed")
def test_ruff_findings_appear_beside_builtin_ones(tmp_path: Path) -> None:
    report = _audit(tmp_path, "--reviewer", "rules", "--reviewer", "ruff", "--all")
    assert _members(report) == EXPECTED | LEFT_OUT | RUFF_EXPECTED
    tiers = {f["location"]["path"]: f["tier"] for f in report["findings"]
             if f["reviewers"] == ["ruff"]}
    # weighed like the rules' matches: nothing calls load_blocklist or active_skus
    assert tiers == {"stockroom/config.py": "unproven", "stockroom/catalog.py": "unproven"}
    ruff_only = [f for f in report["findings"] if f["reviewers"] == ["ruff"]]
    assert {(f["rule"], f["location"]["path"]) for f in ruff_only} == {
        (rule, path) for rule, path, _ in RUFF_EXPECTED}
    names = {r["name"]: r["available"] for r in report["audit"]["reviewers"]}
    assert names == {"rules": True, "ruff": True}
