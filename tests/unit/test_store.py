"""History store: migrations from every earlier schema, next to unknown tables; save and load."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from perfaudit.config import Config
from perfaudit.model import (
    Agreement,
    AuditInfo,
    Category,
    ConsolidatedFinding,
    Location,
    Report,
    ReviewerRun,
    Severity,
)
from perfaudit.store import connect, database_path, history, open_store, transaction
from perfaudit.store.migrations import MIGRATIONS, migrate
from perfaudit.track.service import save

LLM_CACHE = "CREATE TABLE IF NOT EXISTS llm_cache (key TEXT PRIMARY KEY, value TEXT)"


def report(audit_id: str = "A1", started: str = "2026-11-23T12:00:00+00:00") -> Report:
    finding = ConsolidatedFinding(
        number=1, fingerprint="0123456789abcdef", rule="time-after-in-loop",
        category=Category.ALLOCATION, severity=Severity.P2, title="t", problem="p", fix="f",
        location=Location(path="a.go", start_line=3, end_line=3, function="f", snippet="x"),
        reviewers=("rules",), agreement=Agreement.SINGLE)
    audit = AuditInfo(id=audit_id, target="/repo", commit="c0ffee", started=started,
                      finished=started, tool_version="0.1.0",
                      reviewers=(ReviewerRun(name="rules"),))
    return Report(schema_version="1.0", audit=audit, findings=(finding,))


def tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_empty_database_gets_every_migration(tmp_path: Path) -> None:
    conn = open_store(tmp_path / "db" / "perfaudit.db")
    applied = [row[0] for row in conn.execute("SELECT name FROM perfaudit_migrations ORDER BY name")]
    assert applied == [m.name for m in MIGRATIONS]
    assert {"audits", "findings", "audit_files"} <= tables(conn)
    assert migrate(conn) == []


@pytest.mark.parametrize("k", range(len(MIGRATIONS) + 1))
def test_upgrade_from_each_earlier_schema_next_to_an_unknown_table(tmp_path: Path, k: int) -> None:
    path = tmp_path / "perfaudit.db"
    conn = connect(path)
    conn.execute(LLM_CACHE)
    conn.execute("INSERT INTO llm_cache VALUES ('k', 'v')")
    assert len(migrate(conn, upto=k)) == k
    conn.close()
    conn = open_store(path)
    conn.execute(LLM_CACHE)
    history.save_audit(conn, report(), {"reviewers": ["rules"]}, {"a.go": "ff"})
    assert history.load_report(conn, "A1") == report()
    assert conn.execute("SELECT value FROM llm_cache").fetchone()[0] == "v"


def test_list_latest_first_and_json_roundtrip(tmp_path: Path) -> None:
    conn = open_store(tmp_path / "perfaudit.db")
    history.save_audit(conn, report("A1"), {}, {})
    history.save_audit(conn, report("A2", "2026-11-24T12:00:00+00:00"), {"select": ["x"]},
                       {"a.go": "aa"})
    rows = history.list_audits(conn, "/repo")
    assert [r.id for r in rows] == ["A2", "A1"]
    assert rows[0].counts == {"P0": 0, "P1": 0, "P2": 1}
    assert history.load_settings(conn, "A2") == {"select": ["x"]}
    assert history.load_digests(conn, "A2") == {"a.go": "aa"}
    assert history.find_complete_audit(conn, "/repo", "c0ffee", ("rules",)) == "A2"
    assert history.load_report(conn, "missing") is None
    assert history.list_audits(conn, "/elsewhere") == []


def test_transaction_rolls_back(tmp_path: Path) -> None:
    conn = open_store(tmp_path / "perfaudit.db")
    with pytest.raises(RuntimeError, match=r"^after the insert$"), transaction(conn):
        conn.execute("INSERT INTO perfaudit_migrations VALUES ('x', 'now')")
        raise RuntimeError("after the insert")
    assert migrate(conn) == []
    assert conn.execute("SELECT COUNT(*) FROM perfaudit_migrations").fetchone()[0] == len(MIGRATIONS)


def test_database_path_is_relative_to_the_root(tmp_path: Path) -> None:
    assert database_path(tmp_path, ".perfaudit/x.db") == tmp_path / ".perfaudit" / "x.db"
    assert database_path(tmp_path, str(tmp_path / "abs.db")) == tmp_path / "abs.db"


def test_a_failure_to_save_is_one_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    warning = save(report(), tmp_path, Config(database=str(blocker / "perfaudit.db")))
    assert warning is not None and warning.startswith("audit not saved to history:")
    assert save(report(), tmp_path, Config()) is None
    assert (tmp_path / ".perfaudit" / ".gitignore").is_file()


def test_replay_uses_the_earlier_finding_settings_only() -> None:
    from perfaudit.track.service import replay_config, settings_of

    earlier = settings_of(Config(select=("allocation",), jobs=4, reviewers=("rules", "x")))
    now = replay_config(Config(jobs=1), earlier)
    assert (now.select, now.reviewers, now.jobs) == (("allocation",), ("rules", "x"), 1)
    assert replay_config(Config(jobs=2), {"select": 5}) == Config(jobs=2)


def test_a_migration_applied_meanwhile_by_another_process_is_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from perfaudit.store import migrations

    open_store(tmp_path / "perfaudit.db").close()
    conn = connect(tmp_path / "perfaudit.db")
    monkeypatch.setattr(migrations, "_ensure_ledger", lambda _conn: set())
    assert migrate(conn) == []
