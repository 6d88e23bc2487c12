"""The openai: reviewer against a loopback server speaking the chat-completions protocol."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from perfaudit.model import Category, Severity
from perfaudit.reviewers.llm.reviewer import LlmReviewer

from .conftest import CANARIES, make_context, recorded, settings, sources
from .loopback import Canned, Loopback, error_reply, openai_reply, recording_responder

NAME = "openai:test-model"


def _review(root: Path, server: Loopback, sleeps: list[float] | None = None, **changes: object):
    provider = settings(base_url=f"{server.url}/v1", **changes)
    ctx = make_context(root, NAME, provider, credentials={"OPENAI_API_KEY": "sk-test"})
    reviewer = LlmReviewer(NAME, ctx.config, sleep=(sleeps.append if sleeps is not None else None)
                           or (lambda _s: None))
    return reviewer.review(sources(root), ctx)


def test_findings_are_grounded_and_costed(go_repo: Path, server: Loopback) -> None:
    server.responder = recording_responder(recorded("go_small.json"))
    result = _review(go_repo, server)
    assert len(server.requests) == 1
    body = server.requests[0].json
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert server.requests[0].headers["authorization"] == "Bearer sk-test"
    by_path = {f.location.path: f for f in result.findings}
    api = by_path["service/api.go"]
    assert (api.location.start_line, api.location.function) == (20, "Search")
    assert api.category is Category.LOOP_INVARIANT_WORK and api.severity is Severity.P1
    assert by_path["service/sync.go"].location.function == "Poll"
    assert result.reviewed == {"service/api.go", "service/sync.go"}
    run = result.run
    assert (run.model, run.tokens_in, run.tokens_out, run.findings) == ("test-model", 1000, 200, 2)
    assert run.cost_usd == pytest.approx((1000 * 1.0 + 200 * 4.0) / 1e6)
    assert any(d.kind == "secret-redacted" for d in result.diagnostics)


def test_canary_secrets_never_reach_the_server(go_repo: Path, server: Loopback) -> None:
    server.responder = recording_responder(recorded("go_small.json"))
    _review(go_repo, server)
    sent = server.bodies()
    assert sent and b"[REDACTED]" in sent
    for canary in CANARIES:
        assert canary.encode() not in sent


def test_second_run_makes_no_request(go_repo: Path, server: Loopback) -> None:
    server.responder = recording_responder(recorded("go_small.json"))
    first = _review(go_repo, server)
    second = _review(go_repo, server)
    assert len(server.requests) == 1
    assert second.findings == first.findings
    assert (second.run.tokens_in, second.run.cost_usd) == (0, 0.0)
    db = sqlite3.connect(go_repo / ".perfaudit" / "perfaudit.db")
    try:
        assert db.execute("SELECT count(*) FROM llm_cache").fetchone()[0] == 1
    finally:
        db.close()


def test_changed_file_is_sent_again(go_repo: Path, server: Loopback) -> None:
    server.responder = recording_responder(recorded("go_small.json"))
    _review(go_repo, server)
    (go_repo / "service" / "sync.go").write_text("package service\n", encoding="utf-8")
    _review(go_repo, server)
    assert len(server.requests) == 2


def test_429_500_and_timeout_are_retried(go_repo: Path, server: Loopback) -> None:
    server.enqueue(error_reply(429, retry_after="7"), error_reply(500),
                   Canned(delay=1.5))
    server.responder = recording_responder(recorded("go_small.json"))
    sleeps: list[float] = []
    result = _review(go_repo, server, sleeps, timeout_s=0.3, max_retries=3)
    assert len(server.requests) == 4
    assert sleeps == [7.0, 0.0, 0.0]
    assert len(result.findings) == 2 and result.run.errors == 0


def test_retries_give_up_and_files_are_skipped(go_repo: Path, server: Loopback) -> None:
    server.enqueue(*[error_reply(503)] * 3)
    result = _review(go_repo, server, max_retries=2)
    assert len(server.requests) == 3
    assert result.reviewed == frozenset() and result.run.errors == 1
    assert {s.reason for s in result.skipped} == {"LLM request failed"}
    assert [d.kind for d in result.diagnostics if d.kind.startswith("llm")] == ["llm-request-failed"]


def test_client_errors_are_not_retried(go_repo: Path, server: Loopback) -> None:
    server.enqueue(error_reply(401))
    result = _review(go_repo, server)
    assert len(server.requests) == 1 and result.run.errors == 1


@pytest.mark.parametrize(("content", "finish", "expected"), [
    ("The code looks fine to me!", "stop", "Invalid JSON"),
    ('{"findings": [{"path": "service/api.go", "start_line": 2', "length", "cut off"),
    ('{"findings": [{"path": "service/api.go"}]}', "stop", "Field required"),
])
def test_malformed_answers_are_diagnostics_not_cached(go_repo: Path, server: Loopback, content: str,
                                                      finish: str, expected: str) -> None:
    server.enqueue(openai_reply(content, finish_reason=finish))
    server.responder = recording_responder(recorded("go_small.json"))
    result = _review(go_repo, server)
    invalid = [d for d in result.diagnostics if d.kind == "llm-invalid-answer"]
    assert len(invalid) == 1 and expected in invalid[0].message
    assert result.findings == () and result.reviewed == frozenset()
    assert {s.reason for s in result.skipped} == {"invalid LLM answer"}
    assert result.run.tokens_in == 1000  # a bad answer still costs
    again = _review(go_repo, server)
    assert len(server.requests) == 2 and len(again.findings) == 2


@pytest.mark.parametrize(("version", "rejected_titles"), [
    ("1.21", {"Counting loop"}),
    ("1.23", {"time.After leaks a timer every iteration"}),
])
def test_unverifiable_findings_are_rejected(go_repo: Path, server: Loopback, version: str,
                                            rejected_titles: set[str]) -> None:
    server.enqueue(openai_reply(recorded("unverifiable.json")))
    provider = settings(base_url=f"{server.url}/v1")
    ctx = make_context(go_repo, NAME, provider, version=version,
                       credentials={"OPENAI_API_KEY": "k"})
    result = LlmReviewer(NAME, ctx.config).review(sources(go_repo), ctx)
    rejected = {d.message.split(":")[0]: d.message for d in result.diagnostics
                if d.kind == "llm-rejected-finding"}
    always = {"Escaping path", "Absolute path", "File not in the batch", "Invented query"}
    assert set(rejected) == always | rejected_titles
    assert result.run.rejected == len(always) + 1
    assert "outside the repository" in rejected["Escaping path"]
    assert "quote not found" in rejected["Invented query"]
    kept = {f.title: f for f in result.findings}
    assert kept["Regexp per item (re-anchored)"].location.start_line == 20
    assert kept["Regexp per item (re-anchored)"].location.path == "service/api.go"
    assert len(kept) == 7 - len(rejected)
