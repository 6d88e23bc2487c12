"""In-code suppressions: ``// perfaudit:ignore RULE[,RULE] -- reason`` (``#`` in Python)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(
    r"(?://|#)\s*perfaudit:ignore\s+(?P<rules>[\w\-, ]+?)\s*(?:--\s*(?P<reason>.*\S))?\s*$"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Suppression:
    """One suppression comment; it covers its own line and the line below it."""

    line: int
    rules: frozenset[str]
    reason: str


def find_suppressions(source: str) -> list[Suppression]:
    """Every suppression comment in ``source`` (1-based lines)."""
    if "perfaudit:ignore" not in source:
        return []
    found = []
    for number, text in enumerate(source.splitlines(), start=1):
        if "perfaudit:ignore" not in text:
            continue
        mark = _MARK.search(text)
        if mark is None:
            continue
        rules = frozenset(part.strip() for part in mark["rules"].split(",") if part.strip())
        found.append(Suppression(line=number, rules=rules, reason=mark["reason"] or ""))
    return found


def covering(suppressions: list[Suppression], rule: str, line: int) -> Suppression | None:
    """The suppression that silences ``rule`` at ``line``, if any."""
    for item in suppressions:
        if rule in item.rules and item.line in (line, line - 1):
            return item
    return None
