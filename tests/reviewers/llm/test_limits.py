"""Cost limit, Ctrl+C, missing SDKs and keys, the ollama: shortcut."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from perfaudit.reviewers.base import CostLedger
from perfaudit.reviewers.llm.reviewer import LlmReviewer

from .conftest import SYNC_GO, make_context, recorded, settings, sources
from .loopback import Canned, Loopback, recording_responder

NAME = "openai:test-model"
KEY = {"OPENAI_API_KEY": "sk-test"}


def _two_batches(server: Loopback, **changes: object):
    return settings(base_url=f"{server.url}/v1", batch_tokens=200, max_output_tokens=1000,
                    **changes)


def test_max_cost_stops_before_the_budget_would_pass(go_repo: Path, server: Loopback) -> None:
    server.responder = recording_responder(recorded("go_small.json"))
    # worst case per request ≈ $1.00 of output; a real answer costs ≈ $0.20
    provider = _two_batches(server, price_out_per_mtok=1000.0)
    ctx = make_context(go_repo, NAME, provider, credentials=KEY, max_cost=1.1)
    result = LlmReviewer(NAME, ctx.config).review(sources(go_repo), ctx)
    assert len(server.requests) == 1
    assert result.run.cost_usd <= 1.1 and ctx.ledger.spent == pytest.approx(result.run.cost_usd)
    assert len(result.reviewed) == 1
    assert [s.reason for s in result.skipped] == ["cost limit reached (--max-cost)"]
    budget = [d for d in result.diagnostics if d.kind == "llm-budget"]
    assert len(budget) == 1 and "1 file not reviewed" in budget[0].message


def test_max_cost_without_prices_sends_nothing(go_repo: Path, server: Loopback) -> None:
    provider = settings(base_url=f"{server.url}/v1", price_in_per_mtok=None,
                        price_out_per_mtok=None)
    ctx = make_context(go_repo, NAME, provider, credentials=KEY, max_cost=5.0)
    result = LlmReviewer(NAME, ctx.config).review(sources(go_repo), ctx)
    assert server.requests == [] and result.reviewed == frozenset()
    assert all("no price configured" in s.reason for s in result.skipped)


def test_ledger_is_shared_and_settled() -> None:
    ledger = CostLedger()
    assert ledger.reserve(0.6, 1.0) and not ledger.reserve(0.6, 1.0)
    ledger.settle(0.6, 0.1)
    assert ledger.reserve(0.6, 1.0) and ledger.spent == pytest.approx(0.1)
    assert ledger.reserve(100.0, None)


def test_requests_run_concurrently_up_to_the_limit(go_repo: Path, server: Loopback) -> None:
    answer = recording_responder(recorded("go_small.json"))

    def slow(path: str, body: object) -> Canned:
        return replace(answer(path, body), delay=0.3)

    server.responder = slow
    for name in ("a.go", "b.go", "c.go"):
        (go_repo / "service" / name).write_text(SYNC_GO.replace("Poll", name[0].upper()))
    ctx = make_context(go_repo, NAME, _two_batches(server, concurrency=2), credentials=KEY)
    result = LlmReviewer(NAME, ctx.config).review(sources(go_repo), ctx)
    assert len(server.requests) == 5 and len(result.reviewed) == 5
    assert server.max_in_flight == 2


def test_interrupt_keeps_finished_batches(go_repo: Path, server: Loopback) -> None:
    server.responder = recording_responder(recorded("go_small.json"))
    ctx = make_context(go_repo, NAME, _two_batches(server), credentials=KEY)

    def interrupt(_done: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        LlmReviewer(NAME, ctx.config).review(sources(go_repo), replace(ctx, progress=interrupt))
    assert len(server.requests) == 1
    resumed = LlmReviewer(NAME, ctx.config).review(sources(go_repo), ctx)
    assert len(server.requests) == 2  # only the unfinished batch was sent again
    assert len(resumed.findings) == 2 and len(resumed.reviewed) == 2


def test_missing_sdk_is_a_diagnostic(go_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openai", None)
    ctx = make_context(go_repo, NAME, settings(base_url="http://127.0.0.1:9/v1"), credentials=KEY)
    result = LlmReviewer(NAME, ctx.config).review(sources(go_repo), ctx)
    assert result.run.available is False
    assert "pip install '.[openai]'" in result.diagnostics[-1].message


def test_missing_key_is_a_diagnostic(go_repo: Path) -> None:
    ctx = make_context(go_repo, NAME, settings())
    result = LlmReviewer(NAME, ctx.config).review(sources(go_repo), ctx)
    assert result.run.available is False and "OPENAI_API_KEY" in result.diagnostics[-1].message


def test_ollama_needs_no_key_and_is_free(go_repo: Path, server: Loopback) -> None:
    server.responder = recording_responder(recorded("go_small.json"))
    name = "ollama:qwen2.5-coder"
    provider = settings(base_url=f"{server.url}/v1", price_in_per_mtok=None,
                        price_out_per_mtok=None, structured_output=False)
    ctx = make_context(go_repo, name, provider, max_cost=0.0)
    result = LlmReviewer(name, ctx.config).review(sources(go_repo), ctx)
    body = server.requests[0].json
    assert body["model"] == "qwen2.5-coder" and "response_format" not in body
    assert "JSON Schema" in body["messages"][0]["content"] and body["max_tokens"] == 4096
    assert len(result.findings) == 2 and result.run.cost_usd == 0.0


def test_oversized_files_are_skipped_and_progress_counts_every_file(go_repo: Path,
                                                                    server: Loopback) -> None:
    server.responder = recording_responder(recorded("go_small.json"))
    (go_repo / "service" / "huge.go").write_text("package service\n" + "// x\n" * 5000)
    ticks: list[int] = []
    provider = settings(base_url=f"{server.url}/v1", max_file_tokens=2000)
    ctx = replace(make_context(go_repo, NAME, provider, credentials=KEY), progress=ticks.append)
    result = LlmReviewer(NAME, ctx.config).review(sources(go_repo), ctx)
    assert ticks == [1, 2, 3]
    assert [s.path for s in result.skipped] == ["service/huge.go"]
    assert "too large for LLM review" in result.skipped[0].reason
    assert "service/huge.go" not in result.reviewed and len(result.reviewed) == 2
    assert any(d.kind == "llm-file-skipped" for d in result.diagnostics)
