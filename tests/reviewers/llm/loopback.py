"""A loopback HTTP server speaking OpenAI chat completions and Anthropic messages, replaying answers."""

from __future__ import annotations

import json
import re
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Canned:
    """One scripted HTTP response."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Seen:
    """One request the server received."""

    path: str
    body: bytes
    headers: dict[str, str]

    @property
    def json(self) -> Any:
        return json.loads(self.body)


Responder = Callable[[str, Any], Canned]


class Loopback:
    """Start with ``with Loopback() as server``; ``server.url`` is http://127.0.0.1:PORT."""

    def __init__(self, responder: Responder | None = None) -> None:
        self.requests: list[Seen] = []
        self.queue: deque[Canned] = deque()
        self.responder = responder
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def enqueue(self, *responses: Canned) -> None:
        self.queue.extend(responses)

    def bodies(self) -> bytes:
        return b"\n".join(r.body for r in self.requests)

    def _next(self, path: str, body: Any) -> Canned:
        with self._lock:
            if self.queue:
                return self.queue.popleft()
        if self.responder is not None:
            return self.responder(path, body)
        return Canned(status=500, body={"error": {"message": "nothing scripted"}})

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return None

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length", 0)))
                with server._lock:
                    headers = {k.lower(): v for k, v in self.headers.items()}
                    server.requests.append(Seen(self.path, raw, headers))
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    self._answer(server._next(self.path, json.loads(raw or b"null")))
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _answer(self, canned: Canned) -> None:
                if canned.delay and server._stop.wait(canned.delay):
                    return
                payload = canned.body if isinstance(canned.body, bytes) else json.dumps(
                    canned.body).encode()
                try:
                    self.send_response(canned.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    for key, value in canned.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler

    def __enter__(self) -> Loopback:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)


# --- protocol payloads -------------------------------------------------------------------------

def openai_reply(content: str | dict[str, Any], *, prompt_tokens: int = 1000,
                 completion_tokens: int = 200, finish_reason: str = "stop") -> Canned:
    text = content if isinstance(content, str) else json.dumps(content)
    return Canned(body={
        "id": "chatcmpl-test", "object": "chat.completion", "created": 1763900000,
        "model": "test-model",
        "choices": [{"index": 0, "finish_reason": finish_reason,
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens}})


def anthropic_reply(answer: dict[str, Any] | str, *, input_tokens: int = 1000,
                    output_tokens: int = 200, stop_reason: str = "tool_use") -> Canned:
    block: dict[str, Any]
    if isinstance(answer, str):
        block = {"type": "text", "text": answer}
    else:
        block = {"type": "tool_use", "id": "toolu_test", "name": "report_findings",
                 "input": answer}
    return Canned(body={
        "id": "msg_test", "type": "message", "role": "assistant", "model": "claude-test",
        "content": [block], "stop_reason": stop_reason, "stop_sequence": None,
        "usage": {"input_tokens": input_tokens, "output_tokens": output_tokens}})


def error_reply(status: int, *, retry_after: str | None = None) -> Canned:
    headers = {"retry-after": retry_after} if retry_after is not None else {}
    return Canned(status=status, headers=headers,
                  body={"error": {"type": "error", "message": f"scripted {status}"}})


_HEADING = re.compile(r"^### (\S+) \(", re.MULTILINE)


def prompt_paths(body: Any) -> list[str]:
    """The file paths a request's prompt asks to review."""
    texts = [m["content"] for m in body.get("messages", []) if isinstance(m.get("content"), str)]
    return _HEADING.findall("\n".join(texts))


def answer_for(findings_by_path: dict[str, list[dict[str, Any]]], paths: list[str]) -> dict[str, Any]:
    """The recorded findings for the files in a prompt."""
    return {"findings": [f for path in paths for f in findings_by_path.get(path, [])]}


def recording_responder(findings_by_path: dict[str, list[dict[str, Any]]],
                        protocol: str = "openai") -> Responder:
    """Answer every request with the recorded findings for the files it names."""

    def respond(_path: str, body: Any) -> Canned:
        answer = answer_for(findings_by_path, prompt_paths(body))
        return openai_reply(answer) if protocol == "openai" else anthropic_reply(answer)

    return respond
