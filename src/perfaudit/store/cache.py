"""The result cache: values keyed by content, in one SQLite file, never fatal.

A value is stored under a *namespace* (what else the value depends on: perfaudit's code and
rules, the options that change results) and a *key* (the input's content address). Reads and
writes that fail are misses; a file that is not this cache's (corrupt, foreign, from an older
layout) is deleted and rebuilt. Several audits may share the file at once: SQLite's WAL mode
lets readers run beside one writer, and a writer that waits too long gives up its write.

Values are bytes the caller encodes (JSON, never pickle): the file sits in the audited tree,
and reading it must not run code.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from perfaudit.store.db import transaction

APPLICATION_ID = 0x50464143  # "PFAC"
LAYOUT = 2
MAX_ENTRIES = 1_000_000
MAX_BYTES = 512 * 1024 * 1024
_LOW_WATER = 0.8
_CHUNK = 500  # SQLite allows 999 parameters per statement in old builds
_TOUCH_AFTER_S = 3600  # a hit refreshes its entry's age at most this often
_BUSY_MS = 10_000


class ResultCache:
    """A content-addressed cache in one SQLite file; every failure is a miss, not an error."""

    def __init__(self, path: Path, generation: str = "", *, may_rebuild: bool = False) -> None:
        """Open (or create) the cache at ``path``. Values of another ``generation`` (another
        perfaudit: values it wrote are never read again) are deleted, so a cache holds
        one version's values, not every version's. A file that is not this cache is deleted
        and made anew only when ``may_rebuild`` (perfaudit's own directory); anywhere else it
        is left alone and there is no cache."""
        self.path = path
        self._generation = generation
        self._may_rebuild = may_rebuild
        self.rebuilt = ""
        """Why the file was deleted and made anew on open ("" when it was not)."""
        self.refused = ""
        """Why a file that is not this cache was left alone, with no cache ("" when not)."""
        self._conn: sqlite3.Connection | None = None
        try:
            self._conn = self._open()
        except sqlite3.OperationalError:
            self._conn = None  # busy, locked or read-only: no cache this time, nothing lost
        except (_Foreign, sqlite3.DatabaseError) as exc:
            why = str(exc) if isinstance(exc, _Foreign) else f"{type(exc).__name__}: {exc}"
            if self._may_rebuild:
                self.rebuilt = why
                self._conn = self._rebuild()
            else:
                self.refused = why
        except (OSError, sqlite3.Error):
            self._conn = None

    @property
    def usable(self) -> bool:
        """Whether the cache could be opened (an unwritable directory gives no cache)."""
        return self._conn is not None

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_MS / 1000)
        try:
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            with transaction(conn):  # one opener at a time creates or turns the cache
                _prepare(conn, self._generation)
        except BaseException:
            conn.close()
            raise
        return conn

    def _rebuild(self) -> sqlite3.Connection | None:
        """Delete the file (and its WAL) and create an empty cache; None if even that fails."""
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").unlink()
        try:
            return self._open()
        except (OSError, sqlite3.Error):
            return None

    def get_many(self, namespace: str, keys: Iterable[str]) -> dict[str, bytes]:
        """The values stored for ``keys`` (missing keys are absent); touches what it returns."""
        conn, wanted = self._conn, list(dict.fromkeys(keys))
        if conn is None or not wanted:
            return {}
        found: dict[str, bytes] = {}
        try:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT key, value FROM entries WHERE namespace = ? AND key IN ({marks})",
                    (namespace, *chunk)).fetchall()
                found.update((key, value) for key, value in rows if isinstance(value, bytes))
            self._touch(namespace, list(found))
        except sqlite3.Error:
            return found
        return found

    def get_all(self, namespace: str) -> dict[str, bytes]:
        """Every value stored under ``namespace`` (not touched: a namespace read whole is
        rewritten by its reader)."""
        if self._conn is None:
            return {}
        try:
            rows = self._conn.execute("SELECT key, value FROM entries WHERE namespace = ?",
                                      (namespace,)).fetchall()
        except sqlite3.Error:
            return {}
        return {key: value for key, value in rows if isinstance(value, bytes)}

    def put_many(self, namespace: str, values: Mapping[str, bytes]) -> bool:
        """Store ``values`` in one transaction and evict the oldest entries past the bounds;
        False when the write could not be made (another audit held the lock too long)."""
        conn = self._conn
        if conn is None or not values:
            return conn is not None
        now = int(time.time())
        try:
            with transaction(conn):
                conn.executemany("INSERT OR REPLACE INTO entries (namespace, key, value, used) "
                                 "VALUES (?, ?, ?, ?)",
                                 [(namespace, key, value, now) for key, value in values.items()])
                _evict(conn)
        except sqlite3.Error:
            return False
        return True

    def _touch(self, namespace: str, keys: list[str]) -> None:
        """Mark ``keys`` as used now, unless they were within the hour (spares a write)."""
        conn = self._conn
        if conn is None or not keys:
            return
        now = int(time.time())
        with contextlib.suppress(sqlite3.Error):
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                conn.execute(f"UPDATE entries SET used = ? WHERE namespace = ? "
                             f"AND key IN ({marks}) AND used < ?",
                             (now, namespace, *chunk, now - _TOUCH_AFTER_S))

    def close(self) -> None:
        """Close the file (a closed cache misses everything)."""
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None


class _Foreign(Exception):
    """The file is an SQLite database, but not a perfaudit cache of this layout."""


def _prepare(conn: sqlite3.Connection, generation: str) -> None:
    """Inside the opener's write transaction: create the tables in an empty file, refuse a
    foreign one, and drop the values of another generation."""
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    layout = conn.execute("PRAGMA user_version").fetchone()[0]
    if (app, layout) == (0, 0) and not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table'").fetchone():
        conn.execute("CREATE TABLE entries (namespace TEXT NOT NULL, key TEXT NOT NULL, "
                     "value BLOB NOT NULL, used INTEGER NOT NULL, PRIMARY KEY (namespace, key)) "
                     "WITHOUT ROWID")
        conn.execute("CREATE INDEX entries_used ON entries (used)")
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {LAYOUT}")
    elif (app, layout) != (APPLICATION_ID, LAYOUT):
        raise _Foreign(f"not a perfaudit cache of layout {LAYOUT}")
    if not generation:
        return
    row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    if row is None or row[0] != generation:
        conn.execute("DELETE FROM entries")
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('generation', ?)",
                      (generation,))


def _evict(conn: sqlite3.Connection) -> None:
    """Delete the least recently used entries while the cache is past its bounds."""
    # the file's pages in use (freed pages stay in the file), not the values' lengths:
    # summing those reads every value
    size = ((conn.execute("PRAGMA page_count").fetchone()[0]
             - conn.execute("PRAGMA freelist_count").fetchone()[0])
            * conn.execute("PRAGMA page_size").fetchone()[0])
    count = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    if count <= MAX_ENTRIES and size <= MAX_BYTES:
        return
    # down to a low-water mark, so that the next few writes do not evict again
    entries, space = int(MAX_ENTRIES * _LOW_WATER), int(MAX_BYTES * _LOW_WATER)
    excess = max(count - entries, 0)
    if size > space:  # drop a share of entries proportional to the excess bytes
        excess = max(excess, int(count * (size - space) / size) + 1)
    conn.execute("DELETE FROM entries WHERE (namespace, key) IN (SELECT namespace, key FROM "
                 "entries ORDER BY used LIMIT ?)", (excess,))
