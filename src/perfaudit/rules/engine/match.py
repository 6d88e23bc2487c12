"""What a rule's ``check.py`` predicate receives for each syntactic match."""

from __future__ import annotations

from dataclasses import dataclass

from perfaudit.model import Language
from perfaudit.syntax.node import Node


@dataclass(frozen=True, slots=True)
class Match:
    """One rule match with the context a pure predicate may need.

    ``node`` and ``root`` are syntax nodes (ast-grep's node API on tree-sitter nodes);
    ``version`` is the target's language version as a tuple (``(1, 22)``) or None when the
    repository does not say.
    """

    node: Node
    root: Node
    source: str
    path: str
    language: Language
    version: tuple[int, ...] | None
