"""Append-only schema migrations; names of applied ones are kept in ``perfaudit_migrations``.

Never edit or reorder a migration once released: add a new one at the end. Other components
(such as the LLM cache) keep their own tables in the same file; migrations only ever touch the
tables they name, so unknown tables are left alone.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from perfaudit.errors import UsageError
from perfaudit.store.db import connect, transaction


@dataclass(frozen=True, slots=True, kw_only=True)
class Migration:
    """One schema step: a unique name and the SQL script that performs it."""

    name: str
    sql: str


MIGRATIONS: list[Migration] = []
migration = MIGRATIONS.append

migration(Migration(name="0001-audits", sql="""
CREATE TABLE audits (
    id TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    commit_sha TEXT,
    started TEXT NOT NULL,
    finished TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    reviewers TEXT NOT NULL,
    settings TEXT NOT NULL,
    p0 INTEGER NOT NULL DEFAULT 0,
    p1 INTEGER NOT NULL DEFAULT 0,
    p2 INTEGER NOT NULL DEFAULT 0,
    report TEXT NOT NULL
);
CREATE INDEX audits_target_started ON audits (target, started);
"""))

migration(Migration(name="0002-findings", sql="""
CREATE TABLE findings (
    audit_id TEXT NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    rule TEXT,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    path TEXT NOT NULL,
    start_line INTEGER NOT NULL,
    function TEXT,
    PRIMARY KEY (audit_id, number)
);
CREATE INDEX findings_fingerprint ON findings (fingerprint);
"""))

migration(Migration(name="0003-files-and-baseline", sql="""
CREATE TABLE audit_files (
    audit_id TEXT NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (audit_id, path)
);
ALTER TABLE audits ADD COLUMN hidden_by_baseline INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audits ADD COLUMN triaged INTEGER NOT NULL DEFAULT 0;
"""))

migration(Migration(name="0004-revalidations", sql="""
CREATE TABLE revalidations (
    audit_id TEXT NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
    validated_at TEXT NOT NULL,
    commit_sha TEXT,
    still_present INTEGER NOT NULL,
    partial INTEGER NOT NULL,
    fixed INTEGER NOT NULL,
    unknown INTEGER NOT NULL,
    report TEXT NOT NULL
);
CREATE INDEX revalidations_audit ON revalidations (audit_id, validated_at);
"""))


def _ensure_ledger(conn: sqlite3.Connection) -> set[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS perfaudit_migrations "
                 "(name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    return {row[0] for row in conn.execute("SELECT name FROM perfaudit_migrations")}


def migrate(conn: sqlite3.Connection, upto: int | None = None) -> list[str]:
    """Apply the migrations not yet applied (the first ``upto`` only, when given).

    Each migration runs in its own transaction together with its ledger row, so a failure
    leaves the database at the previous step. Returns the names applied now.
    """
    applied = _ensure_ledger(conn)
    done = []
    for step in MIGRATIONS[:upto]:
        if step.name in applied:
            continue
        with transaction(conn):
            if _is_applied(conn, step.name):
                continue  # another process applied it since the ledger was read
            for statement in _statements(step.sql):
                conn.execute(statement)
            conn.execute("INSERT INTO perfaudit_migrations (name, applied) VALUES (?, ?)",
                         (step.name, datetime.now(UTC).isoformat(timespec="seconds")))
        done.append(step.name)
    return done


def _is_applied(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM perfaudit_migrations WHERE name = ?", (name,)).fetchone()
    return row is not None


def _statements(script: str) -> list[str]:
    """Split a script into statements (migrations hold no semicolons inside literals)."""
    return [part.strip() for part in script.split(";") if part.strip()]


def open_store(path: Path) -> sqlite3.Connection:
    """A connection with perfaudit's history schema brought up to date."""
    conn = connect(path)
    try:
        migrate(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise UsageError(f"cannot prepare database {path}: {exc}") from exc
    return conn
