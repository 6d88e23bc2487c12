"""The anthropic: reviewer against a loopback server speaking the messages protocol."""

from __future__ import annotations

from pathlib import Path

from perfaudit.reviewers.llm.reviewer import LlmReviewer

from .conftest import CANARIES, make_context, recorded, settings, sources
from .loopback import Canned, Loopback, anthropic_reply, error_reply, recording_responder

NAME = "anthropic:claude-test"


def _review(root: Path, server: Loopback, sleeps: list[float], **changes: object):
    provider = settings(base_url=server.url, **changes)
    ctx = make_context(root, NAME, provider, credentials={"ANTHROPIC_API_KEY": "sk-ant-test"})
    return LlmReviewer(NAME, ctx.config, sleep=sleeps.append).review(sources(root), ctx)


def test_answer_comes_through_a_forced_tool_call(go_repo: Path, server: Loopback) -> None:
    server.responder = recording_responder(recorded("go_small.json"), protocol="anthropic")
    result = _review(go_repo, server, [])
    request = server.requests[0]
    assert request.path == "/v1/messages"
    sent_key = request.headers.get("x-api-key") or request.headers.get("authorization", "")
    assert sent_key.removeprefix("Bearer ") == "sk-ant-test"
    body = request.json
    assert body["tool_choice"] == {"type": "tool", "name": "report_findings"}
    assert body["tools"][0]["input_schema"]["required"] == ["findings"]
    assert "Go" in body["system"] and "go 1.22" in body["messages"][0]["content"]
    assert {f.location.path for f in result.findings} == {"service/api.go", "service/sync.go"}
    assert (result.run.tokens_in, result.run.tokens_out) == (1000, 200)
    for canary in CANARIES:
        assert canary.encode() not in server.bodies()


def test_faults_are_retried_then_cached(go_repo: Path, server: Loopback) -> None:
    server.enqueue(error_reply(429, retry_after="3"), error_reply(529), Canned(delay=1.5))
    server.responder = recording_responder(recorded("go_small.json"), protocol="anthropic")
    sleeps: list[float] = []
    first = _review(go_repo, server, sleeps, timeout_s=0.3)
    assert sleeps == [3.0, 0.0, 0.0] and len(first.findings) == 2
    second = _review(go_repo, server, [])
    assert len(server.requests) == 4 and second.findings == first.findings


def test_tool_input_of_the_wrong_shape_is_invalid(go_repo: Path, server: Loopback) -> None:
    server.enqueue(anthropic_reply({"findings": [{"path": "service/api.go"}]}),
                   anthropic_reply("Here are my findings: none", stop_reason="end_turn"))
    first = _review(go_repo, server, [])
    second = _review(go_repo, server, [])
    kinds = [d.kind for r in (first, second) for d in r.diagnostics if d.kind.startswith("llm")]
    assert kinds == ["llm-invalid-answer", "llm-invalid-answer"]
    assert first.run.errors == second.run.errors == 1
