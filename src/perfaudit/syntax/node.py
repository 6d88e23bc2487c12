"""Syntax-tree nodes for rules: tree-sitter nodes behind the subset of ast-grep's node API
that rules and their ``check.py`` predicates use (``kind``, ``text``, ``field``, ``find_all``…).

The engine parses each file once with tree-sitter; keeping ast-grep's method names lets rule
predicates stay as they are written and read like ast-grep rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import tree_sitter as ts

from perfaudit.model import Language
from perfaudit.syntax import evaluate as ruleeval
from perfaudit.syntax.grammars import parse
from perfaudit.syntax.pattern import Env
from perfaudit.syntax.query import ABOVE, PARENTS, parent_of

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Pos:
    """A position: 0-based ``line`` and ``column`` and ``index``, a byte offset into the file."""

    line: int
    column: int
    index: int


@dataclass(frozen=True, slots=True)
class Range:
    """Where a node starts and ends."""

    start: Pos
    end: Pos


class Root:
    """A parsed file: ``root()`` is its top node (ast-grep's ``SgRoot`` shape)."""

    __slots__ = ("data", "language", "memo", "tree")

    def __init__(self, source: str | bytes, language: Language) -> None:
        self.data = source.encode() if isinstance(source, str) else source
        self.language = language
        self.tree = parse(self.data, language)
        PARENTS.clear()
        ABOVE.clear()
        self.memo: dict[tuple[object, int], Any] = {}  # per-file answers predicates reuse

    def root(self) -> Node:
        """The file's top node."""
        return Node(self.tree.root_node, self)


class Node:
    """One syntax node; equal when they wrap the same tree-sitter node."""

    __slots__ = ("_env", "_file", "ts")

    def __init__(self, node: ts.Node, file: Root, env: Env | None = None) -> None:
        self.ts = node
        self._file = file
        self._env = env

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and self.ts == other.ts

    def __hash__(self) -> int:
        return hash(self.ts.id)

    def __repr__(self) -> str:
        return f"Node({self.ts.type} {self.ts.start_point.row + 1})"

    @property
    def language(self) -> Language:
        """The language of the file this node belongs to."""
        return self._file.language

    def wrap(self, node: ts.Node | None) -> Node | None:
        """A node of the same file, or None."""
        return None if node is None else Node(node, self._file)

    def wrap_match(self, node: ts.Node, env: Env | None) -> Node:
        """A node of the same file carrying the metavariables a pattern bound."""
        return Node(node, self._file, env or None)

    def kind(self) -> str:
        """The grammar's name for this node (``call_expression``)."""
        return self.ts.type

    def text(self) -> str:
        """The node's source text."""
        return ruleeval.text_of(self.ts)

    def is_named(self) -> bool:
        """Whether the node is named in the grammar (not punctuation or a keyword)."""
        return self.ts.is_named

    def range(self) -> Range:
        """Start and end position (``index`` is a byte offset, fit for ordering)."""
        n = self.ts
        start, end = n.start_point, n.end_point
        return Range(Pos(start.row, start.column, n.start_byte), Pos(end.row, end.column, n.end_byte))

    def parent(self) -> Node | None:
        """The enclosing node, or None at the top."""
        return self.wrap(parent_of(self.ts))

    def ancestors(self) -> Iterator[Node]:
        """Enclosing nodes, innermost first."""
        node = parent_of(self.ts)
        while node is not None:
            yield Node(node, self._file)
            node = parent_of(node)

    def children(self) -> list[Node]:
        """Every child, punctuation included."""
        return [Node(c, self._file) for c in self.ts.children]

    def named_children(self) -> list[Node]:
        """The named children."""
        return [Node(c, self._file) for c in self.ts.named_children]

    def child(self, index: int) -> Node | None:
        """The child at ``index`` (punctuation counts)."""
        return self.wrap(self.ts.child(index))

    def field(self, name: str) -> Node | None:
        """The child under grammar field ``name``."""
        return self.wrap(self.ts.child_by_field_name(name))

    def field_text(self, name: str) -> str:
        """The source text under grammar field ``name`` ("" when there is no such child)."""
        child = self.ts.child_by_field_name(name)
        return ruleeval.text_of(child) if child is not None else ""

    def field_children(self, name: str) -> list[Node]:
        """Every child under grammar field ``name``."""
        return [Node(c, self._file) for c in self.ts.children_by_field_name(name)]

    def next(self) -> Node | None:
        """The next sibling."""
        return self.wrap(self.ts.next_sibling)

    def next_all(self) -> list[Node]:
        """Every later sibling, nearest first."""
        out, node = [], self.ts.next_sibling
        while node is not None:
            out.append(Node(node, self._file))
            node = node.next_sibling
        return out

    def get_root(self) -> Root:
        """The parsed file this node belongs to."""
        return self._file

    def remember(self, question: object, answer: Callable[[], T]) -> T:
        """``answer()`` for this node, computed once per file: predicates ask the same scope
        the same question for many matches. ``question`` names it (hashable, kept alive)."""
        memo, key = self._file.memo, (question, self.ts.id)
        if key not in memo:
            memo[key] = answer()
        return memo[key]  # type: ignore[no-any-return]

    def get_match(self, name: str) -> Node | None:
        """The node a pattern's ``$NAME`` matched, or None."""
        bound = (self._env or {}).get(name)
        return Node(bound, self._file) if isinstance(bound, ts.Node) else None

    def get_multiple_matches(self, name: str) -> list[Node]:
        """The named nodes a pattern's ``$$$NAME`` matched."""
        bound = (self._env or {}).get(name)
        if not isinstance(bound, list):
            return []
        return [Node(n, self._file) for n in bound if n.is_named]

    def find_all(self, rule: Mapping[str, Any] | None = None, **kwargs: Any) -> list[Node]:
        """Every node under (and including) this one that matches the rule, in source order."""
        compiled = ruleeval.compile_config(self.language, _config(rule, kwargs))
        found = self.remember(compiled, lambda: compiled.search(self.ts))  # kept per file
        return [self.wrap_match(candidate, env) for candidate, env in found]

    def find(self, rule: Mapping[str, Any] | None = None, **kwargs: Any) -> Node | None:
        """The first node under (and including) this one that matches the rule."""
        found = self.find_all(rule, **kwargs)
        return found[0] if found else None


def _config(rule: Mapping[str, Any] | None, kwargs: Mapping[str, Any]) -> Mapping[str, Any]:
    if rule is None:
        return {"rule": dict(kwargs)}
    return rule if "rule" in rule else {"rule": rule}
