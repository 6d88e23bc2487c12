"""Fixtures for LLM reviewer tests: a small Go repository with canary secrets, configs, a server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from perfaudit.config import Config, ProviderSettings
from perfaudit.model import Language, SourceFile
from perfaudit.reviewers.base import ReviewContext

from .loopback import Loopback

HERE = Path(__file__).parent
CANARIES = ("ghp_CANARYcanaryCANARYcanary0123456789", "AKIAZZCANARY0000TEST", "hunter2-canary")

API_GO = """package service

import (
\t"net/http"
\t"regexp"
)

const apiToken = "ghp_CANARYcanaryCANARYcanary0123456789"
var awsKey = "AKIAZZCANARY0000TEST"

// Item is one catalogue entry.
type Item struct {
\tName string
}

// Search returns the items whose name matches q.
func Search(w http.ResponseWriter, items []Item, q string) []Item {
\tvar out []Item
\tfor _, it := range items {
\t\tre := regexp.MustCompile("(?i)" + q)
\t\tif re.MatchString(it.Name) {
\t\t\tout = append(out, it)
\t\t}
\t}
\treturn out
}
"""

SYNC_GO = """package service

import (
\t"context"
\t"time"
)

var dbPassword = "hunter2-canary"

// Poll calls f every interval until ctx ends.
func Poll(ctx context.Context, interval time.Duration, f func()) {
\tfor {
\t\tselect {
\t\tcase <-ctx.Done():
\t\t\treturn
\t\tcase <-time.After(interval):
\t\t\tf()
\t\t}
\t}
}

// Count sums 0..n-1.
func Count(n int) int {
\ttotal := 0
\tfor i := 0; i < n; i++ {
\t\ttotal += i
\t}
\treturn total
}
"""

FILES = {"go.mod": "module example.com/svc\n\ngo 1.22\n", "service/api.go": API_GO,
         "service/sync.go": SYNC_GO}


def recorded(name: str) -> Any:
    """A recorded answer from responses/."""
    return json.loads((HERE / "responses" / name).read_text(encoding="utf-8"))


@pytest.fixture
def go_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def sources(root: Path) -> list[SourceFile]:
    found = []
    for path in sorted(root.rglob("*.go")):
        text = path.read_text(encoding="utf-8")
        found.append(SourceFile(path=path.relative_to(root).as_posix(), language=Language.GO,
                                lines=text.count("\n"), size=len(text)))
    return found


def settings(**changes: Any) -> ProviderSettings:
    """Fast settings for tests: short timeouts, no backoff."""
    base: dict[str, Any] = {"timeout_s": 2.0, "max_retries": 3, "backoff_s": 0.0,
                            "concurrency": 1, "price_in_per_mtok": 1.0, "price_out_per_mtok": 4.0}
    base.update(changes)
    return ProviderSettings(**base)


def make_context(root: Path, name: str, provider: ProviderSettings, *, version: str = "1.22",
                 credentials: dict[str, str] | None = None, **config: Any) -> ReviewContext:
    cfg = Config(providers={name: provider}, credentials=credentials or {}, **config)
    return ReviewContext(root=root, config=cfg, versions={"go": version})


@pytest.fixture
def server() -> Iterator[Loopback]:
    with Loopback() as running:
        yield running


@pytest.fixture
def sleeps() -> list[float]:
    return []
