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
        return True
    if parent is None or parent.kind() != "expression_list":
        return False
    statement = parent.parent()
    if statement is None or statement.kind() not in ("short_var_declaration",
                                                      "assignment_statement"):
        return False
    left = statement.field("left")
    names = left.named_children() if left is not None else []
    return bool(names) and names[0].text() == "_"
