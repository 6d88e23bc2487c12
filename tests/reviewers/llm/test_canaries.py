"""Planted canaries of every secret kind never reach a provider, and sent line numbers stay true."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from perfaudit.model import Language, SourceFile
from perfaudit.reviewers.base import ReviewResult
from perfaudit.reviewers.llm.redact import MASK
from perfaudit.reviewers.llm.reviewer import LlmReviewer

from .conftest import HERE, make_context, settings
from .loopback import Loopback, anthropic_reply, openai_reply

CANARIES = {
    "url-password": "CANARY-URLPASS-7f3a91c2",
    "mysql-dsn": "CANARY-MYSQLPASS-4b8e02d1",
    "git-url-token": "CANARY-GITTOKEN-81e4c0aa",
    "amqp-url": "CANARY-AMQP-0b7d3e55",
    "redis-url": "CANARY-REDIS-6e2a9f17",
    "mongodb-srv-url": "CANARY-MONGO-3c8b1d04",
    "bearer": "CANARY-BEARER-2a6f8d14",
    "authorization-header-set": "CANARY-AUTHZ-5c1b7e93",
    "authorization-dict": "CANARY-PYAUTHZ-7a0c5e28",
    "authorization-line": "CANARY-AUTHLINE-1d4c8b6e",
    "netrc-inline": "CANARY-NETRC-9d2e4f60",
    "netrc-lines": "CANARY-NETRCLINE-2f9b6a3c",
    "dsn-keyword": "CANARY-KWPASS-5e0a7c19",
    "go-entropy": "CANARY-ENTROPY-Zk8s9dF3qLm2Xv7Pw4Rt6Yb1",
    "python-entropy": "CANARY-PYENTROPY-q7Lm2Xv9Pw4Rt6Yb1Nc5Hj0G",
}
C = CANARIES

DB_GO = f"""package service

import "database/sql"

const dsn = "postgres://app:{C['url-password']}@db.internal:5432/shop?sslmode=disable"
var mysqlDSN = "shop:{C['mysql-dsn']}@tcp(localhost:3306)/shop"
var pgKeywords = "host=db user=app password={C['dsn-keyword']} dbname=shop"

// Open opens the shop database.
func Open() (*sql.DB, error) {{
\treturn sql.Open("postgres", dsn)
}}
"""

CLIENT_GO = f"""package service

import "net/http"

const netrc = "machine api.example.com login bot password {C['netrc-inline']}"

// Fetch calls the API once per id.
func Fetch(c *http.Client, ids []string) error {{
\tfor _, id := range ids {{
\t\treq, _ := http.NewRequest("GET", "https://api.example.com/items/"+id, nil)
\t\treq.Header.Set("Authorization", "{C['authorization-header-set']}")
\t\treq.Header.Set("X-Upstream", "Bearer {C['bearer']}")
\t\tsessionSeed := "{C['go-entropy']}"
\t\t_ = sessionSeed
\t\tif _, err := c.Do(req); err != nil {{
\t\t\treturn err
\t\t}}
\t}}
\treturn nil
}}
"""

SETTINGS_PY = f'''"""Settings and a slow fetch loop."""

import requests

REPO_URL = "https://deploy:{C['git-url-token']}@github.com/acme/app.git"
BROKER = "amqp://guest:{C['amqp-url']}@rabbit:5672/"
CACHE = "redis://:{C['redis-url']}@cache:6379/0"
MONGO = "mongodb+srv://admin:{C['mongodb-srv-url']}@cluster0.example.net/db"
HEADERS = {{"Authorization": "Token {C['authorization-dict']}"}}
RAW = "GET / HTTP/1.1\\r\\nAuthorization: Digest {C['authorization-line']}\\r\\n"
NETRC = """
machine git.example.com
  login ci
  password {C['netrc-lines']}
"""
SIGNING_SEED = "{C['python-entropy']}"


def fetch_all(urls):
    out = []
    for url in urls:
        out.append(requests.get(url, headers=HEADERS).json())
    return out
'''

FILES = {"go.mod": "module example.com/svc\n\ngo 1.22\n", "service/db.go": DB_GO,
         "service/client.go": CLIENT_GO, "app/settings.py": SETTINGS_PY}
_CHUNK = re.compile(r"^### (\S+) \(")
_LINE = re.compile(r"^\s*(\d+)\| (.*)$")


@pytest.fixture
def canary_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _sources(root: Path) -> list[SourceFile]:
    kinds = {".go": Language.GO, ".py": Language.PYTHON}
    return [SourceFile(path=rel, language=kinds[Path(rel).suffix], lines=text.count("\n"),
                       size=len(text)) for rel, text in FILES.items() if Path(rel).suffix in kinds]


def _review(root: Path, name: str, **changes: object) -> ReviewResult:
    ctx = make_context(root, name, settings(**changes),
                       credentials={"OPENAI_API_KEY": "sk-test", "ANTHROPIC_API_KEY": "sk-ant-test"})
    return LlmReviewer(name, ctx.config, sleep=lambda _s: None).review(_sources(root), ctx)


def sent_lines(prompt: str) -> dict[tuple[str, int], str]:
    """Every numbered code line in a prompt, by file and line number."""
    found: dict[tuple[str, int], str] = {}
    path = None
    for line in prompt.split("\n"):
        heading = _CHUNK.match(line)
        if heading:
            path = heading.group(1)
            continue
        numbered = _LINE.match(line)
        if path is not None and numbered:
            found[(path, int(numbered.group(1)))] = numbered.group(2)
    return found


def assert_clean(prompt_or_body: bytes | str, prompt: str) -> None:
    """No canary anywhere; every line at its own number, changed only where a canary was."""
    raw = prompt_or_body.encode() if isinstance(prompt_or_body, str) else prompt_or_body
    leaked = [kind for kind, canary in CANARIES.items() if canary.encode() in raw]
    assert leaked == []
    lines = sent_lines(prompt)
    for rel, text in FILES.items():
        if rel.endswith((".go", ".py")):
            for number, original in enumerate(text.split("\n")[:-1], 1):
                sent = lines[(rel, number)]
                if "CANARY" in original:
                    assert MASK in sent and "CANARY" not in sent, (rel, number, sent)
                else:
                    assert sent == original, (rel, number)


def _secret_lines() -> int:
    return sum(text.count("CANARY") for text in FILES.values())


def test_openai_requests_carry_no_canary(canary_repo: Path, server: Loopback) -> None:
    server.responder = lambda _path, _body: openai_reply({"findings": []})
    result = _review(canary_repo, "openai:test-model", base_url=f"{server.url}/v1")
    assert len(server.requests) == 1 and result.run.errors == 0
    body = server.requests[0].json
    assert_clean(server.requests[0].body, "\n".join(m["content"] for m in body["messages"]))
    redacted = [d for d in result.diagnostics if d.kind == "secret-redacted"]
    assert {d.path for d in redacted} == {"service/db.go", "service/client.go", "app/settings.py"}
    assert sum(d.message.count(",") + 1 for d in redacted) == _secret_lines()


def test_anthropic_requests_carry_no_canary(canary_repo: Path, server: Loopback) -> None:
    server.responder = lambda _path, _body: anthropic_reply({"findings": []})
    result = _review(canary_repo, "anthropic:claude-test", base_url=server.url)
    assert len(server.requests) == 1 and result.run.errors == 0
    body = server.requests[0].json
    assert_clean(server.requests[0].body,
                 body["system"] + "\n" + "\n".join(m["content"] for m in body["messages"]))


def test_command_agent_stdin_carries_no_canary(canary_repo: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({}), encoding="utf-8")
    capture = tmp_path / "prompts"
    command = (sys.executable, str(HERE / "scripts" / "agent.py"), str(answers), str(capture))
    result = _review(canary_repo, "cmd:agent", command=command)
    assert result.run.errors == 0
    prompts = [p.read_text(encoding="utf-8") for p in capture.iterdir()]
    assert len(prompts) == 1
    assert_clean(prompts[0], prompts[0])
