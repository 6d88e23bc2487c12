"""SQLite connection: one file per audited repository, opened with safe settings."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from perfaudit.errors import UsageError

_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
)


_OUTPUTS_IGNORE = ("# perfaudit outputs; only the triage decisions are committed\n"
                   "*\n!.gitignore\n!triage.toml\n")


def ignore_outputs(directory: Path) -> None:
    """Keep perfaudit's database, cache and reports in ``directory`` (``.perfaudit``) out of
    git, but not triage.toml, unless the team wrote its own ``.gitignore`` there."""
    ignore = directory / ".gitignore"
    if directory.is_dir() and not ignore.exists():
        try:
            ignore.write_text(_OUTPUTS_IGNORE, encoding="utf-8")
        except OSError:
            return


def database_path(root: Path, configured: str) -> Path:
    """The database file: ``configured`` as given when absolute, else relative to ``root``."""
    path = Path(configured).expanduser()
    return path if path.is_absolute() else root / path


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` in autocommit mode.

    Transactions are explicit (:func:`transaction`) so that several writers — the history and
    any cache sharing the file — never hold a lock longer than one unit of work.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    except (OSError, sqlite3.Error) as exc:
        raise UsageError(f"cannot open database {path}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    try:
        for pragma in _PRAGMAS:
            conn.execute(pragma)
    except sqlite3.Error as exc:  # a file that is not a database, or a locked one
        conn.close()
        raise UsageError(f"{path} is not a perfaudit database ({exc})") from exc
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed when the block ends, rolled back if the block or the
    commit raises (the error that ended it is the one raised, not one from rolling back)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
