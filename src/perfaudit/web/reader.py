"""Read the history database for the web views: audits, reports, digests, re-validations.

Each call opens its own connection (requests run on worker threads, and an SQLite connection
belongs to one). Stored reports do not change once saved, so decoded ones are kept.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from perfaudit import codec
from perfaudit.model import Report
from perfaudit.store import connect, history

_KEPT = 256
"""Decoded reports kept in memory (the trend and a finding's history read every audit)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredRevalidation:
    """One recorded re-validation of an audit: when, at which commit, and its report."""

    validated_at: str
    commit: str | None
    report: Report


class HistoryReader:
    """The audits of one target in one history database."""

    def __init__(self, database: Path, target: str) -> None:
        self.database = database
        self.target = target
        self._reports: OrderedDict[str, Report] = OrderedDict()
        self._lock = threading.Lock()

    @contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        with closing(connect(self.database)) as conn:
            yield conn

    def audits(self) -> list[history.AuditRow]:
        """The target's audits, newest first (as ``perfaudit history`` lists them)."""
        with self._conn() as conn:
            return history.list_audits(conn, self.target)

    def other_targets(self) -> list[str]:
        """Targets other than this one that the database holds audits of."""
        with self._conn() as conn:
            rows = history.list_audits(conn)
        return sorted({row.target for row in rows} - {self.target})

    def _remember(self, key: str, load: Callable[[], Report | None]) -> Report | None:
        """The decoded report under ``key``, loaded once (what is stored is never changed)."""
        with self._lock:
            if key in self._reports:
                self._reports.move_to_end(key)
                return self._reports[key]
        report = load()
        if report is None:
            return None
        with self._lock:
            self._reports[key] = report
            while len(self._reports) > _KEPT:
                self._reports.popitem(last=False)
        return report

    def report(self, audit_id: str) -> Report | None:
        """The stored report of ``audit_id``; None when there is no such audit."""
        def load() -> Report | None:
            with self._conn() as conn:
                return history.load_report(conn, audit_id)

        return self._remember(f"audit {audit_id}", load)

    def digests(self, audit_id: str) -> dict[str, str]:
        """Path -> SHA-256 of the files ``audit_id`` reviewed."""
        with self._conn() as conn:
            return history.load_digests(conn, audit_id)

    def revalidations(self, audit_id: str) -> list[StoredRevalidation]:
        """The recorded re-validations of ``audit_id``, newest first."""
        with self._conn() as conn:
            rows = history.revalidation_rows(conn, audit_id)
        found = []
        for row in rows:
            report = self._remember(f"revalidation {row.rowid}",
                                    functools.partial(codec.decode, row.document))
            if report is not None:
                found.append(StoredRevalidation(validated_at=row.validated_at,
                                                commit=row.commit, report=report))
        return found
