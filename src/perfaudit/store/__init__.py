"""History store: every audit in one SQLite file, next to other tables such as caches."""

from __future__ import annotations

from perfaudit.store.db import connect, database_path, transaction
from perfaudit.store.migrations import open_store

__all__ = ["connect", "database_path", "open_store", "transaction"]
