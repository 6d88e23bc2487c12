"""Answers kept in SQLite, keyed by provider, model, prompt version and batch content.

The table lives in the audit database beside the history tables but is independent of them:
it is created on first use and never migrated (a new prompt version simply misses the cache).
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS llm_cache (
    key TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    batch_digest TEXT NOT NULL,
    answer TEXT NOT NULL,
    tokens_in INTEGER NOT NULL,
    tokens_out INTEGER NOT NULL,
    cost_usd REAL NOT NULL,
    created TEXT NOT NULL DEFAULT (datetime('now'))
)
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class CacheKey:
    """What an answer depends on."""

    provider: str
    model: str
    prompt_version: str
    batch_digest: str

    @property
    def text(self) -> str:
        """The primary key: a hash of every part."""
        parts = (self.provider, self.model, self.prompt_version, self.batch_digest)
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class CachedAnswer:
    """A stored answer (the JSON text that validated) and what it cost when it was fetched."""

    answer: str
    tokens_in: int
    tokens_out: int
    cost_usd: float


class AnswerCache:
    """The ``llm_cache`` table; one short connection per call, so worker threads can share it."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self._path = path
        self._usable = True
        if not create and not path.is_file():
            self._usable = False
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        db = self._connect()
        try:
            with db:
                db.execute(_SCHEMA)
        finally:
            db.close()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self._path, timeout=30)

    def get(self, key: CacheKey, *, max_chars: int | None = None) -> CachedAnswer | None:
        """The stored answer for ``key``, if any (and if not longer than ``max_chars``)."""
        if not self._usable:
            return None
        db = self._connect()
        try:
            # the length is checked by SQLite, so an oversized answer is never loaded
            row = db.execute("SELECT answer, tokens_in, tokens_out, cost_usd FROM llm_cache "
                             "WHERE key = ? AND (? IS NULL OR length(answer) <= ?)",
                             (key.text, max_chars, max_chars)).fetchone()
        except sqlite3.OperationalError:
            return None
        finally:
            db.close()
        if row is None:
            return None
        return CachedAnswer(answer=row[0], tokens_in=row[1], tokens_out=row[2], cost_usd=row[3])

    def put(self, key: CacheKey, answer: CachedAnswer) -> None:
        """Store (or replace) the answer for ``key``; callers keep answers within their limit."""
        db = self._connect()
        try:
            with db:
                db.execute(
                    "INSERT OR REPLACE INTO llm_cache (key, provider, model, prompt_version, "
                    "batch_digest, answer, tokens_in, tokens_out, cost_usd) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (key.text, key.provider, key.model, key.prompt_version, key.batch_digest,
                     answer.answer, answer.tokens_in, answer.tokens_out, answer.cost_usd))
        finally:
            db.close()
