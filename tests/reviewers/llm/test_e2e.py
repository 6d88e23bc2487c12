"""A whole audit of the bundled Go example by rules and two scripted LLM reviewers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from perfaudit.cli import main
from perfaudit.errors import EXIT_INCOMPLETE

from .conftest import HERE
from .loopback import Canned, Loopback, answer_for, openai_reply, prompt_paths, recording_responder

EXAMPLE = Path(__file__).parents[3] / "examples" / "go-service"
ANSWERS = json.loads((HERE / "responses" / "go_service.json").read_text(encoding="utf-8"))


def _config(root: Path, server: Loopback, tmp_path: Path) -> None:
    answers_b = tmp_path / "model-b.json"
    answers_b.write_text(json.dumps(ANSWERS["model-b"]), encoding="utf-8")
    command = [sys.executable, str(HERE / "scripts" / "agent.py"), str(answers_b)]
    (root / "perfaudit.toml").write_text(f"""
reviewers = ["rules", "openai:model-a", "cmd:model-b"]
select = ["time-after-in-loop"]

[providers."openai:model-a"]
base-url = "{server.url}/v1"
api-key-env = "PERFAUDIT_TEST_KEY"
timeout_s = 5
backoff_s = 0
price_in_per_mtok = 2.5
price_out_per_mtok = 10

[providers."cmd:model-b"]
command = {json.dumps(command)}
""", encoding="utf-8")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    return int(exit_info.value.code or 0), capsys.readouterr().out


@pytest.fixture
def service(tmp_path: Path) -> Path:
    root = tmp_path / "go-service"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".perfaudit"))
    return root


def test_two_models_and_rules(service: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("PERFAUDIT_TEST_KEY", "sk-e2e-key")
    with Loopback(recording_responder(ANSWERS["model-a"])) as server:
        _config(service, server, tmp_path)
        code, out = _run(["audit", str(service), "-o", str(tmp_path / "out"), "-f", "md,json"],
                         capsys)
        assert code == 0
        assert server.requests[0].headers["authorization"] == "Bearer sk-e2e-key"
        assert "openai:model-a: " in out and "1 finding rejected" in out
        report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
        summary = report.split("## Summary")[1].split("\n## ")[0]
        # sync.go:36 (all three reviewers) is a timer per interval of a periodic loop: a per-run
        # cost in code that does not run often, so it is left out; api.go runs per request
        for phrase in ("2 unique findings across 2 categories", "0 found by all reviewers",
                       "1 by some reviewers", "0 only by rules", "0 only by openai:model-a",
                       "1 only by cmd:model-b", "1 severity disagreement",
                       "1 match was left out: 1 as unproven"):
            assert phrase in summary, summary
        assert "## Found by all reviewers" not in report and "## Leads" not in report
        some = report.split("## Found by some reviewers")[1].split("\n## ")[0]
        assert "`api.go:75`" in some and "cmd:model-b, openai:model-a" in some
        only_b = report.split("## Only cmd:model-b")[1].split("\n## ")[0]
        assert "CSV export builds one string" in only_b
        split = report.split("## Severity disagreements (resolved)")[1].split("\n## ")[0]
        rows = [line for line in split.splitlines() if line.startswith("| ") and "---" not in line][1:]
        assert len(rows) == 1
        assert "openai:model-a: P0" in rows[0] and "cmd:model-b: P1" in rows[0]
        data = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
        runs = {r["name"]: r for r in data["audit"]["reviewers"]}
        assert runs["openai:model-a"]["tokens_in"] == 1000 and runs["openai:model-a"]["rejected"] == 0
        assert runs["cmd:model-b"]["rejected"] == 1 and runs["cmd:model-b"]["files_reviewed"] == 6
        database = (service / ".perfaudit" / "perfaudit.db").read_bytes()
        assert b"llm_cache" in database and b"sk-e2e-key" not in database  # history keeps no key
        requests = len(server.requests)
        code, _ = _run(["audit", str(service), "-o", str(tmp_path / "again"), "-f", "json"], capsys)
        assert code == 0 and len(server.requests) == requests
        again = json.loads((tmp_path / "again" / "findings.json").read_text(encoding="utf-8"))
        assert len(again["findings"]) == 2 and again["audit"]["unproven_matches"] == 1


def test_dry_run_sends_nothing(service: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("PERFAUDIT_TEST_KEY", "sk-e2e-key")
    with Loopback(recording_responder(ANSWERS["model-a"])) as server:
        _config(service, server, tmp_path)
        code, out = _run(["audit", str(service), "--dry-run", "-o", str(tmp_path / "dry")], capsys)
        assert code == 0 and server.requests == []
    assert not (tmp_path / "dry").exists()
    assert "Dry run: nothing was sent." in out
    assert "openai:model-a: batch 1/1: 6 files" in out and "≤$0.0" in out
    assert "cmd:model-b: total: 1 batch, 1 request, 0 cached" in out
    assert "cost unknown (no price configured)" in out
    assert not (service / ".perfaudit" / "perfaudit.db").exists()


def test_max_cost_flag_limits_requests(service: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("PERFAUDIT_TEST_KEY", "sk-e2e-key")
    with Loopback(recording_responder(ANSWERS["model-a"])) as server:
        _config(service, server, tmp_path)
        code, _out = _run(["audit", str(service), "--max-cost", "0.001", "-o",
                           str(tmp_path / "cheap"), "-f", "json"], capsys)
        assert code == EXIT_INCOMPLETE and server.requests == []  # files went unreviewed
    data = json.loads((tmp_path / "cheap" / "findings.json").read_text(encoding="utf-8"))
    kinds = {d["kind"] for d in data["audit"]["diagnostics"]}
    assert "llm-budget" in kinds
    assert data["audit"]["complete"] is False
    assert any("llm-budget" in reason for reason in data["audit"]["incomplete_reasons"])


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill and reap ``proc`` and whatever it started, whatever the test's outcome."""
    if _group_alive(proc.pid):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def test_ctrl_c_exits_at_once_and_a_rerun_resumes(service: Path, tmp_path: Path) -> None:
    def first_answers_then_hangs(_path: str, body: object) -> Canned:
        paths = prompt_paths(body)
        return openai_reply(answer_for(ANSWERS["model-a"], paths)) if "api.go" in paths else Canned(
            delay=30)

    with Loopback(first_answers_then_hangs) as server:
        (service / "perfaudit.toml").write_text(f"""
reviewers = ["openai:model-a"]
[providers."openai:model-a"]
base_url = "{server.url}/v1"
batch_tokens = 1200
concurrency = 1
""", encoding="utf-8")
        env = {**os.environ, "OPENAI_API_KEY": "sk-e2e-key"}
        argv = [sys.executable, "-m", "perfaudit", "audit", str(service), "--no-history",
                "-f", "json", "-o", str(tmp_path / "out")]
        errors = tmp_path / "stderr.txt"
        # files, not pipes: a leftover process holding a pipe open would hang the test instead
        # of failing it; its own process group, so Ctrl+C reaches all it started, as in a terminal
        with errors.open("w", encoding="utf-8") as err_file:
            # Ctrl+C as a terminal delivers it: a suite started in the background has SIGINT
            # ignored, a child inherits that, and Python then never raises KeyboardInterrupt
            ignored = signal.signal(signal.SIGINT, signal.default_int_handler)
            try:
                proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                                        stderr=err_file, start_new_session=True)
            finally:
                signal.signal(signal.SIGINT, ignored)
        try:
            for _ in range(400):
                if len(server.requests) >= 2 or proc.poll() is not None:
                    break
                time.sleep(0.05)
            assert proc.poll() is None, "perfaudit finished before it could be interrupted"
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(timeout=15)
            left = _group_alive(proc.pid)
        finally:
            _kill_group(proc)
        err = errors.read_text(encoding="utf-8")
        assert proc.returncode == 130 and err.strip() == "perfaudit: aborted"
        assert not left, "perfaudit exited on Ctrl+C but left processes running"
        assert len(server.requests) == 2
        server.responder = recording_responder(ANSWERS["model-a"])
        rerun = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60, check=False)
        assert rerun.returncode == 0, rerun.stderr
        resumed = [prompt_paths(r.json) for r in server.requests[2:]]
        assert resumed[0] == prompt_paths(server.requests[1].json)  # the interrupted batch again
        assert not any("api.go" in paths for paths in resumed)  # the answered one from the cache
