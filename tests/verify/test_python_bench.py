"""Python projects: ``bench`` with a pyperf-style script, round order, timeouts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from verify_helpers import commit_all, run_json

from perfaudit.model import Language
from perfaudit.verify import python
from perfaudit.verify.bench import run_bench
from perfaudit.verify.plan import BenchOptions

SLOW = "def dedupe(xs):\n    out = []\n    for x in xs:\n        if x not in out:\n" \
       "            out.append(x)\n    return out\n"
FAST = "def dedupe(xs):\n    return list(dict.fromkeys(xs))\n"
# Writes pyperf's JSON layout: one benchmark, one run of three values. The values are not clock
# readings but a count of the comparisons and hashes dedupe makes (a nanosecond each, with a fixed
# spread), so which revision is faster, and by how much, never depends on the machine's load.
SCRIPT = '''import json, sys
from app import dedupe

class Item:
    ops = 0
    def __init__(self, value):
        self.value = value
    def __eq__(self, other):
        Item.ops += 1
        return self.value == other.value
    def __hash__(self):
        Item.ops += 1
        return hash(self.value)

dedupe([Item(i % 300) for i in range(600)])
values = [Item.ops * 1e-9 * (1 + k / 100) for k in range(3)]
out = sys.argv[sys.argv.index("--output") + 1]
doc = {"version": "1.0", "benchmarks": [{"metadata": {"name": "dedupe", "unit": "second"},
                                         "runs": [{"values": values}]}]}
with open(out, "w") as fh:
    json.dump(doc, fh)
'''


@pytest.fixture
def py_repo(tmp_path: Path) -> tuple[Path, str, str]:
    repo = tmp_path / "pyproj"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "pyproject.toml").write_text("[project]\nname = 'app'\n", encoding="utf-8")
    (repo / "bench_dedupe.py").write_text(SCRIPT, encoding="utf-8")
    (repo / "app.py").write_text(SLOW, encoding="utf-8")
    slow = commit_all(repo, "slow")
    (repo / "app.py").write_text(FAST, encoding="utf-8")
    return repo, slow, commit_all(repo, "fast")


def test_python_fix_is_faster_and_rounds_interleave(capsys, py_repo) -> None:
    repo, slow, fast = py_repo
    doc = run_json(capsys, "bench", "-C", str(repo), "--base", slow, "--head", fast,
                   "--count", "3", "--runner", "pyperf", "--python", sys.executable,
                   "bench_dedupe.py")
    row = doc["benchmarks"][0]
    assert doc["language"] == "python"
    assert (row["benchmark"], row["unit"], row["significant"]) == ("dedupe", "sec/op", True)
    # 90,000 comparisons for the list scan against 900 hashes and comparisons for the dict
    assert row["delta_pct"] == pytest.approx(-99.0)
    assert sorted(row["base"]["samples"]) == pytest.approx([9e-5] * 3 + [9.09e-5] * 3 + [9.18e-5] * 3)
    seen: list[str] = []
    options = BenchOptions(language=Language.PYTHON, packages=("bench_dedupe.py",), count=2,
                           python=sys.executable, runner="pyperf")
    run_bench(repo, {"base": slow, "head": fast}, options,
              on_round=lambda _step, _total, side: seen.append(side))
    assert seen == ["base", "head", "base", "head"]


def test_a_round_that_runs_too_long_is_stopped(tmp_path: Path) -> None:
    (tmp_path / "sleep.py").write_text("import time\ntime.sleep(30)\n", encoding="utf-8")
    options = BenchOptions(language=Language.PYTHON, packages=("sleep.py",), timeout_s=0.5,
                           python=sys.executable, runner="pyperf")
    result = python.run_round(tmp_path, options, tmp_path / "out.json")
    assert result.error == "timed out after 0.5 s"


def test_failing_benchmarks_are_reported(capsys, py_repo) -> None:
    repo, slow, fast = py_repo
    from verify_helpers import run_cli

    code, _out, err = run_cli(capsys, "bench", "-C", str(repo), "--base", slow, "--head", fast,
                              "--count", "1", "--runner", "pyperf", "--python", sys.executable,
                              "missing.py")
    assert code == 2 and err.count("\n") == 1
    assert f"base ({slow[:12]}): benchmarks failed:" in err
