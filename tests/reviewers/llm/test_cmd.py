"""The cmd: reviewer: a local command reading the prompt on stdin and printing JSON."""

from __future__ import annotations

import sys
from pathlib import Path

from perfaudit.reviewers.llm.reviewer import LlmReviewer

from .conftest import CANARIES, HERE, make_context, settings, sources

NAME = "cmd:agent"
AGENT = str(HERE / "scripts" / "agent.py")


def _review(root: Path, command: list[str], **changes: object):
    ctx = make_context(root, NAME, settings(command=tuple(command), **changes))
    return LlmReviewer(NAME, ctx.config, sleep=lambda _s: None).review(sources(root), ctx)


def test_command_answers_are_grounded(go_repo: Path, tmp_path: Path) -> None:
    capture = tmp_path / "prompts"
    command = [sys.executable, AGENT, str(HERE / "responses" / "go_small.json"), str(capture)]
    result = _review(go_repo, command)
    assert {f.location.path for f in result.findings} == {"service/api.go", "service/sync.go"}
    assert result.reviewed == {"service/api.go", "service/sync.go"}
    prompts = [p.read_text(encoding="utf-8") for p in capture.iterdir()]
    assert len(prompts) == 1 and '"required": ["findings"]' in prompts[0]
    assert all(canary not in prompts[0] for canary in CANARIES)
    assert result.run.tokens_in > 0 and result.run.model == "agent"
    _review(go_repo, command)
    assert len(list(capture.iterdir())) == 1  # the second run came from the cache


def test_command_timeout_is_retried_then_fails(go_repo: Path) -> None:
    result = _review(go_repo, [sys.executable, "-c", "import time; time.sleep(5)"],
                     timeout_s=0.3, max_retries=1)
    failed = [d for d in result.diagnostics if d.kind == "llm-request-failed"]
    assert len(failed) == 1 and "timed out" in failed[0].message
    assert result.reviewed == frozenset()


def test_command_failure_and_bad_output(go_repo: Path) -> None:
    crashed = _review(go_repo, [sys.executable, "-c", "import sys; sys.exit('agent crashed')"])
    assert "exited 1: agent crashed" in next(d.message for d in crashed.diagnostics
                                             if d.kind == "llm-request-failed")
    prose = _review(go_repo, [sys.executable, "-c", "print('```json\\n{\"findings\": []}\\n```')"])
    assert [d.kind for d in prose.diagnostics if d.kind.startswith("llm")] == ["llm-invalid-answer"]


def test_missing_command_is_unavailable(go_repo: Path) -> None:
    result = _review(go_repo, ["perfaudit-no-such-agent"])
    assert result.run.available is False
    assert "command not found" in result.diagnostics[0].message
    assert len(result.skipped) == 2
    unconfigured = _review(go_repo, [])
    assert "no command configured" in unconfigured.diagnostics[0].message
