"""``apply`` with ``axis=1`` or ``axis="columns"`` as a keyword argument."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match

_ROW_WISE = ("1", '"columns"', "'columns'")


def check(match: Match) -> bool:
    for arg in match.node.get_multiple_matches("A"):
        if arg.kind() != "keyword_argument":
            continue
        name, value = arg.field("name"), arg.field("value")
        if name is not None and value is not None and name.text() == "axis":
            return value.text() in _ROW_WISE
    return False
