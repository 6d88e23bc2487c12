"""The fleet's record in the history database: which audit each repository last had, and at
which commit and rule pack. Only the driver writes here; tasks return their results."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from perfaudit.errors import UsageError
from perfaudit.fleet.records import Audited, Stamp
from perfaudit.model import Report
from perfaudit.store import open_store, transaction
from perfaudit.store.history import save_audit

# a table of the fleet's own beside the history's, as the history's migrations allow: they
# touch only the tables they name
_TABLE = """CREATE TABLE IF NOT EXISTS fleet_audits (
    target TEXT NOT NULL,
    audit_id TEXT NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
    commit_sha TEXT,
    rule_pack TEXT NOT NULL,
    selection TEXT NOT NULL,
    complete INTEGER NOT NULL,
    recorded TEXT NOT NULL,
    PRIMARY KEY (target, audit_id)
)"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """A repository's last fleet audit: its id, its stamp, whether it was complete."""

    audit_id: str
    stamp: Stamp
    complete: bool


def open_ledger(path: Path) -> sqlite3.Connection:
    """The history database at ``path`` with the fleet's table (usage error when unusable)."""
    conn = open_store(path)
    try:
        with transaction(conn):
            conn.execute(_TABLE)
    except sqlite3.Error as exc:
        conn.close()
        raise UsageError(f"cannot prepare database {path}: {exc}") from exc
    return conn


def last_entries(conn: sqlite3.Connection, targets: Iterable[str]) -> dict[str, Entry]:
    """The last fleet audit of each of ``targets`` that has one."""
    entries = {}
    for target in targets:
        row = conn.execute("SELECT * FROM fleet_audits WHERE target = ?"
                           " ORDER BY recorded DESC, rowid DESC LIMIT 1", (target,)).fetchone()
        if row is not None:
            stamp = Stamp(commit=row["commit_sha"], rule_pack=row["rule_pack"],
                          selection=row["selection"])
            entries[target] = Entry(audit_id=row["audit_id"], stamp=stamp,
                                    complete=bool(row["complete"]))
    return entries


def record(conn: sqlite3.Connection, audited: Audited, report: Report) -> None:
    """Save ``report`` (the decoded report of ``audited``) to the history, and note it as
    the repository's last fleet audit."""
    save_audit(conn, report, json.loads(audited.settings), dict(audited.digests))
    stamp = audited.stamp
    with transaction(conn):
        conn.execute("INSERT OR REPLACE INTO fleet_audits (target, audit_id, commit_sha, rule_pack,"
                     " selection, complete, recorded) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (audited.target, report.audit.id, stamp.commit, stamp.rule_pack,
                      stamp.selection, int(report.audit.complete), report.audit.finished))
