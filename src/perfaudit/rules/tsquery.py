"""Find a rule's candidate nodes in a tree: by literal anchors, or by kind in one query walk.

A rule whose ``anchors`` are declared (every match's text contains one of them) needs no walk
of the tree at all: each occurrence of an anchor in the file's bytes is looked up in the tree
and its enclosing nodes of the rule's kinds become candidates. Other rules share one
tree-sitter query per file that collects the nodes of all their kinds in a single C walk.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import tree_sitter as ts

from perfaudit.model import Language
from perfaudit.rules.grammars import grammar


def preorder(nodes: Iterable[ts.Node]) -> list[ts.Node]:
    """``nodes`` without repeats, sorted as a pre-order walk meets them (outer first)."""
    return sorted(set(nodes), key=lambda n: (n.start_byte, -n.end_byte))


_SMALL = 150


@lru_cache(maxsize=256)
def _kinds_query(language: Language, kinds: frozenset[str]) -> ts.Query:
    alternatives = " ".join(f"({kind})" for kind in sorted(kinds))
    return ts.Query(grammar(language), f"[{alternatives}] @n")


def nodes_of(node: ts.Node, kinds: frozenset[str] | None, language: Language) -> list[ts.Node]:
    """Nodes under and including ``node`` whose kind is in ``kinds`` (every node for None)."""
    if kinds is None:
        return _walk(node)
    if not kinds:
        return []
    if node.descendant_count < _SMALL:  # a query costs tens of microseconds to start
        return [n for n in _walk(node) if n.type in kinds]
    captured = ts.QueryCursor(_kinds_query(language, kinds)).captures(node).get("n", [])
    return preorder(captured)


def _walk(node: ts.Node) -> list[ts.Node]:
    out, pending = [], [node]
    while pending:
        current = pending.pop()
        out.append(current)
        pending.extend(reversed(current.children))
    return out


def anchored(root: ts.Node, data: bytes, anchors: Iterable[str], kinds: frozenset[str]) -> list[ts.Node]:
    """Nodes of ``kinds`` whose text holds one of ``anchors``: the ones around each occurrence.

    An anchor written ``(?i)text`` is found in any letter case.
    """
    found: list[ts.Node] = []
    lowered: bytes | None = None
    for anchor in anchors:
        haystack, needle = data, anchor.encode()
        if anchor.startswith("(?i)"):
            lowered = data.lower() if lowered is None else lowered
            haystack, needle = lowered, anchor[4:].lower().encode()
        start = haystack.find(needle)
        while start >= 0:
            _enclosing(root, start, start + len(needle), kinds, found)
            start = haystack.find(needle, start + 1)
    return preorder(found)


def _enclosing(root: ts.Node, start: int, end: int, kinds: frozenset[str], out: list[ts.Node]) -> None:
    """Append the nodes of ``kinds`` that contain bytes ``start:end``, walking down from the root
    (a cursor steps down in constant time; tree-sitter finds a node's parent from the root)."""
    cursor = root.walk()
    while True:
        node = cursor.node
        if node is None or node.start_byte > start or node.end_byte < end:
            return
        if node.type in kinds:
            out.append(node)
        if cursor.goto_first_child_for_byte(start) is None:
            return
