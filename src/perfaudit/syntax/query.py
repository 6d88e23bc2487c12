"""Find a rule's candidate nodes in a tree: by literal anchors, or by kind in one query walk.

A rule whose ``anchors`` are declared (every match's text contains one of them) needs no walk
of the tree at all: each occurrence of an anchor in the file's bytes is looked up in the tree
and its enclosing nodes of the rule's kinds become candidates. Other rules share one
tree-sitter query per file that collects the nodes of all their kinds in a single C walk.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import tree_sitter as ts

from perfaudit.model import Language
from perfaudit.syntax.grammars import grammar


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


def anchored(
    root: ts.Node, data: bytes, wanted: Sequence[tuple[Iterable[str], frozenset[str]]]
) -> list[list[ts.Node]]:
    """For each (anchors, kinds): the nodes of ``kinds`` around an occurrence of an anchor.

    An anchor written ``(?i)text`` is found in any letter case; one written ``^text`` starts
    every match, so only nodes that begin at the occurrence are taken; one written
    ``re:PATTERN`` is a regex, for a word that plain text would find inside other words. All
    occurrences are visited in file order along one path from the root, so each node is
    entered once per file;
    a path entry keeps a bit mask of the requests that already took it.
    """
    spots = sorted((start, end, index, prefix) for index, (anchors, _) in enumerate(wanted)
                   for start, end, prefix in _occurrences(data, anchors))
    found: list[list[ts.Node]] = [[] for _ in wanted]
    path: list[list[Any]] = [[root, 0]]
    for start, end, index, prefix in spots:
        while len(path) > 1 and not (path[-1][0].start_byte <= start
                                     and path[-1][0].end_byte >= end):
            path.pop()
        _descend(path, start, end)
        kinds, out = wanted[index][1], found[index]
        if prefix:
            out.extend(_starting_at(path, start, kinds))
            continue
        bit = 1 << index
        for entry in reversed(path):
            if entry[1] & bit:
                break  # every entry above took it too
            entry[1] |= bit
            if entry[0].type in kinds:
                out.append(entry[0])
    return [preorder(nodes) for nodes in found]


def _descend(path: list[list[Any]], start: int, end: int) -> None:
    """Extend ``path`` down to the deepest node spanning ``start``..``end``.

    The child is found among ``children`` by bisection: tree-sitter's ``first_child_for_byte``
    crashes the process on some trees with syntax errors (an unterminated string at the top of
    a file, for one), so it is never called.
    """
    node: ts.Node = path[-1][0]
    while node.child_count:
        children = node.children
        index = bisect.bisect_right(children, start, key=_end_byte)
        if index == len(children):
            return
        child = children[index]
        if child.start_byte > start or child.end_byte < end:
            return
        PARENTS[child.id] = node
        path.append([child, 0])
        node = child


def _end_byte(node: ts.Node) -> int:
    return node.end_byte


def _starting_at(path: list[list[Any]], start: int, kinds: frozenset[str]) -> Iterator[ts.Node]:
    """The nodes of ``kinds`` on the path that begin at ``start`` (the deepest ones)."""
    for entry in reversed(path):
        node: ts.Node = entry[0]
        if node.start_byte != start:
            return
        if node.type in kinds:
            yield node


def _occurrences(data: bytes, anchors: Iterable[str]) -> Iterator[tuple[int, int, bool]]:
    lowered: bytes | None = None
    for anchor in anchors:
        if anchor.startswith("re:"):
            yield from ((m.start(), m.end(), False) for m in _anchor_regex(anchor).finditer(data))
            continue
        prefix = anchor.startswith("^")
        text = anchor[1:] if prefix else anchor
        haystack, needle = data, text.encode()
        if text.startswith("(?i)"):
            lowered = data.lower() if lowered is None else lowered
            haystack, needle = lowered, text[4:].lower().encode()
        # a node can't begin inside a word, so a word-like prefix anchor needs a word start
        word = prefix and bool(needle) and needle[0] in _WORD_START
        start = haystack.find(needle)
        while start >= 0:
            if not (word and start and data[start - 1] in _WORD_START):
                yield start, start + len(needle), prefix
            start = haystack.find(needle, start + 1)


_WORD_START = frozenset((string.ascii_letters + "_").encode())


@lru_cache(maxsize=64)
def _anchor_regex(anchor: str) -> re.Pattern[bytes]:
    """An anchor written ``re:PATTERN``: a regex over the file's bytes (Python syntax)."""
    return re.compile(anchor[3:].encode())


# Node id -> parent for the file being matched. tree-sitter finds a parent by walking down
# from the root, so climbing costs depth squared; rules climb the same ancestors many times.
# The values keep their trees alive, so an id here can't be reused by another tree; the
# engine clears it before each file.
PARENTS: dict[int, ts.Node] = {}
# (rule part, node id) -> whether an ``inside`` test climbing from this node succeeds; node ids
# are only reused once their tree is gone, and the engine clears this with PARENTS.
ABOVE: dict[tuple[object, int], bool] = {}


def parent_of(node: ts.Node) -> ts.Node | None:
    """``node.parent``, remembered for the file being matched."""
    parent = PARENTS.get(node.id)
    if parent is None:
        parent = node.parent
        if parent is not None:
            PARENTS[node.id] = parent
    return parent
