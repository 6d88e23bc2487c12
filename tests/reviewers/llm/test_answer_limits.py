"""An answer longer than the requested output tokens allow fails its batch and is never cached."""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

import pytest

from perfaudit.reviewers.base import ReviewResult
from perfaudit.reviewers.llm.cache import AnswerCache, CachedAnswer, CacheKey
from perfaudit.reviewers.llm.limits import (
    BYTES_PER_TOKEN,
    answer_limit,
    over_limit,
    read_capped,
    response_limit,
)
from perfaudit.reviewers.llm.retry import ProviderError
from perfaudit.reviewers.llm.reviewer import LlmReviewer

from .conftest import make_context, recorded, settings, sources
from .loopback import Loopback, anthropic_reply, openai_reply, recording_responder

TOKENS = 1000
KEYS = {"OPENAI_API_KEY": "sk-test", "ANTHROPIC_API_KEY": "sk-ant-test"}


def _review(root: Path, name: str, **changes: object) -> ReviewResult:
    ctx = make_context(root, name, settings(max_output_tokens=TOKENS, **changes), credentials=KEYS)
    return LlmReviewer(name, ctx.config, sleep=lambda _s: None).review(sources(root), ctx)


def _cached_rows(root: Path) -> int:
    db = sqlite3.connect(root / ".perfaudit" / "perfaudit.db")
    try:
        return int(db.execute("SELECT count(*) FROM llm_cache").fetchone()[0])
    finally:
        db.close()


def _assert_failed_too_long(result: ReviewResult) -> None:
    failed = [d for d in result.diagnostics if d.kind == "llm-request-failed"]
    assert len(failed) == 1 and "answer too long" in failed[0].message
    assert "batch 1 (service/api.go, service/sync.go)" in failed[0].message
    assert result.run.errors == 1 and result.findings == () and result.reviewed == frozenset()
    assert {s.reason for s in result.skipped} == {"LLM request failed"}


def test_huge_openai_answer_is_cut_off_while_read(go_repo: Path, server: Loopback) -> None:
    server.responder = lambda _p, _b: openai_reply("x" * 20_000_000)
    result = _review(go_repo, "openai:test-model", base_url=f"{server.url}/v1")
    _assert_failed_too_long(result)
    assert len(server.requests) == 1  # not retried
    assert _cached_rows(go_repo) == 0
    _review(go_repo, "openai:test-model", base_url=f"{server.url}/v1")
    assert len(server.requests) == 2  # nothing was cached, so a rerun asks again


def test_answer_over_the_limit_is_not_cached(go_repo: Path, server: Loopback) -> None:
    # under the response limit, so it is read whole, but longer than any answer may be
    text = '{"findings": [], "note": "' + "y" * (answer_limit(TOKENS) + 1) + '"}'
    assert len(text) < response_limit(TOKENS)
    server.responder = lambda _p, _b: openai_reply(text)
    result = _review(go_repo, "openai:test-model", base_url=f"{server.url}/v1")
    _assert_failed_too_long(result)
    assert result.run.tokens_in == 1000 and result.run.cost_usd > 0  # what it cost still counts
    assert _cached_rows(go_repo) == 0


def test_huge_anthropic_tool_input_fails(go_repo: Path, server: Loopback) -> None:
    server.responder = lambda _p, _b: anthropic_reply({"findings": [], "pad": "z" * 5_000_000})
    result = _review(go_repo, "anthropic:claude-test", base_url=server.url)
    _assert_failed_too_long(result)
    assert _cached_rows(go_repo) == 0


def test_answers_within_the_limit_are_kept(go_repo: Path, server: Loopback) -> None:
    server.responder = recording_responder(recorded("go_small.json"))
    result = _review(go_repo, "openai:test-model", base_url=f"{server.url}/v1")
    assert result.run.errors == 0 and len(result.findings) == 2
    assert _cached_rows(go_repo) == 1


def test_endless_command_output_is_killed(go_repo: Path) -> None:
    endless = "import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n"
    started = time.monotonic()
    result = _review(go_repo, "cmd:agent", command=(sys.executable, "-c", endless), timeout_s=30.0)
    assert time.monotonic() - started < 20  # killed at the limit, not at the timeout
    _assert_failed_too_long(result)
    assert _cached_rows(go_repo) == 0


def test_oversized_cached_answer_is_ignored(tmp_path: Path) -> None:
    cache = AnswerCache(tmp_path / "a.db")
    key = CacheKey(provider="openai", model="m", prompt_version="v", batch_digest="d")
    cache.put(key, CachedAnswer(answer="x" * 100, tokens_in=1, tokens_out=1, cost_usd=0.0))
    assert cache.get(key, max_chars=99) is None
    hit = cache.get(key, max_chars=100)
    assert hit is not None and hit.answer == "x" * 100
    assert cache.get(key) is not None


def test_limits_follow_the_requested_tokens() -> None:
    assert answer_limit(4096) == 4096 * BYTES_PER_TOKEN
    assert response_limit(10) > 2 * answer_limit(10)
    assert over_limit("é" * 80, 10) is None
    assert over_limit("é" * 81, 10) is not None  # 162 bytes of UTF-8 > 160
    assert read_capped([b"ab", b"cd"], 4, 1) == b"abcd"
    with pytest.raises(ProviderError, match="answer too long") as caught:
        read_capped(iter([b"ab", b"cd", b"e"]), 4, 1)
    assert caught.value.retryable is False
