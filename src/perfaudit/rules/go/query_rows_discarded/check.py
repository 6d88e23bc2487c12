"""A ``database/sql`` (or pgx/sqlx) ``Query`` whose rows are assigned to ``_`` or dropped."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go import code as gocode

_SQL_PACKAGES = frozenset({"sql", "sqlx", "pgx", "pgxpool"})


def check(match: Match) -> bool:
    if not _SQL_PACKAGES & gocode.imported_packages(match.root) or not gocode.call_args(match.node):
        return False  # url's Query(), GraphQL and search clients: not database rows
    parent = match.node.parent()
    if parent is not None and parent.kind() == "expression_statement":
        return True  # neither result kept
    names = gocode.assigned_to(match.node)
    return names is not None and bool(names) and names[0].text() == "_"
