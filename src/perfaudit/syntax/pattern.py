"""ast-grep code patterns (``json.Marshal($V)``, ``$L.pop(0)``) matched on tree-sitter nodes.

A pattern is parsed with the target's own grammar, ``$`` spelled ``µ`` as ast-grep does so
that metavariables parse as identifiers. ``$X`` matches one named node (the same text each time
it recurs), ``$$$X`` any run of nodes; punctuation in the target may be skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import tree_sitter as ts

from perfaudit.errors import RuleError
from perfaudit.model import Language
from perfaudit.syntax.grammars import parse

Env = dict[str, "ts.Node | list[ts.Node]"]
_EXPANDO = "µ"
_EVERYWHERE = frozenset("=,.:()[]{}")  # tokens too common to look a match up by


@dataclass(frozen=True, slots=True)
class PNode:
    """One pattern node: a metavariable (``meta`` is ``$`` or ``$$$``), a leaf or an inner node."""

    kind: str
    text: str
    named: bool
    children: tuple[PNode, ...] = ()
    meta: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled pattern; ``kinds`` is None when its top is a metavariable."""

    top: PNode
    kinds: frozenset[str] | None

    def match(self, node: ts.Node, env: Env) -> bool:
        """Whether ``node`` matches, binding metavariables into ``env``."""
        return _match(self.top, node, env)

    def anchor(self) -> str | None:
        """The longest token every match contains (None when none is distinctive)."""
        leaves = [text for text in _leaf_texts(self.top)
                  if (len(text) >= 3 or not text.isalnum()) and text not in _EVERYWHERE]
        return max(leaves, key=len, default=None)


def _leaf_texts(p: PNode) -> list[str]:
    if p.meta:
        return []
    if not p.children:
        return [p.text] if p.text.strip() else []
    return [text for child in p.children for text in _leaf_texts(child)]


def compile_pattern(language: Language, spec: str | Mapping[str, Any]) -> Pattern:
    """Compile a pattern string or a ``{context, selector}`` object."""
    if isinstance(spec, str):
        return _compile(language, spec, "")
    return _compile(language, str(spec["context"]), str(spec["selector"]))


@cache
def _compile(language: Language, source: str, selector: str) -> Pattern:
    tree = parse(source.replace("$", _EXPANDO).encode(), language)
    node = _select(tree.root_node, selector) if selector else _single_top(tree.root_node)
    if node is None:
        raise RuleError(f"pattern {source!r}: no {selector or 'node'} in it")
    top = _build(node)
    return Pattern(top=top, kinds=None if top.meta else frozenset({top.kind}))


def _select(node: ts.Node, kind: str) -> ts.Node | None:
    if node.type == kind:
        return node
    for child in node.children:
        if (found := _select(child, kind)) is not None:
            return found
    return None


def _single_top(node: ts.Node) -> ts.Node:
    while node.child_count == 1 and not _meta_of(node)[0]:
        node = node.children[0]
    return node


def _meta_of(node: ts.Node) -> tuple[str, str]:
    text = (node.text or b"").decode()
    if not node.is_named or not text.startswith(_EXPANDO):
        return "", ""
    multi = text.startswith(_EXPANDO * 3)
    name = text[3:] if multi else text[1:]
    if name and not all(c.isupper() or c.isdigit() or c == "_" for c in name):
        return "", ""
    return ("$$$" if multi else "$"), name


def _build(node: ts.Node) -> PNode:
    meta, name = _meta_of(node)
    text = (node.text or b"").decode()
    if meta:
        return PNode(kind=node.type, text=text, named=True, meta=meta, name=name)
    if not node.named_child_count:  # a terminal: kind and text must match
        return PNode(kind=node.type, text=text, named=node.is_named)
    children = tuple(_build(c) for c in node.children if c.type != "comment")
    return PNode(kind=node.type, text=text, named=node.is_named, children=children)


_MATCHED, _SKIP, _NO = 0, 1, 2  # one pattern node against one target node


def _one(p: PNode, node: ts.Node, env: Env) -> int:
    """ast-grep's "smart" strictness: punctuation in the target may be skipped, and so may
    a comment where a metavariable is expected; any other difference is no match."""
    if p.meta == "$":
        if node.is_extra:
            return _SKIP
        return _MATCHED if node.is_named and _bind(p.name, node, env) else _NO
    if not p.children:
        if node.type == p.kind and (not p.named or node.text == p.text.encode()):
            return _MATCHED
        return _SKIP if not node.is_named else _NO
    if node.type != p.kind:
        return _NO
    return _MATCHED if _sequence(p.children, node.children, env) else _NO


def _match(p: PNode, node: ts.Node, env: Env) -> bool:
    return _one(p, node, env) == _MATCHED


def _bind(name: str, node: ts.Node, env: Env) -> bool:
    if not name or name.startswith("_"):
        return True
    bound = env.get(name)
    if bound is None:
        env[name] = node
        return True
    return isinstance(bound, ts.Node) and _same(bound, node)


def _same(a: ts.Node, b: ts.Node) -> bool:
    """Two nodes spell the same code (a recurring metavariable), layout aside.

    Walked with a stack, not recursion: a bound expression can nest thousands deep.
    """
    pending = [(a, b)]
    while pending:
        x, y = pending.pop()
        if x == y:
            continue
        if (x.is_named and not x.named_child_count) or (y.is_named and not y.named_child_count):
            if x.text != y.text:
                return False
            continue
        if x.type != y.type or x.child_count != y.child_count:
            return False
        pending.extend(zip(x.children, y.children, strict=True))
    return True


def _sequence(pats: tuple[PNode, ...], nodes: list[ts.Node], env: Env) -> bool:
    """Match a pattern's children against a node's children, as ast-grep does: ``$$$`` takes
    nodes up to the first that matches the next significant pattern node, with no going back;
    whatever follows the last pattern node is allowed."""
    pi = ni = 0
    if not nodes:
        return False
    while True:
        if pats[pi].meta == "$$$":
            found = _ellipsis(pats, pi, nodes, ni, env)
            if found is None:
                return False
            pi, ni, done = found
            if done:
                return True
        while True:
            if ni == len(nodes):  # targets ran out: only $$$ may remain
                return all(p.meta == "$$$" for p in pats[pi:])
            trial = dict(env)
            outcome = _one(pats[pi], nodes[ni], trial)
            if outcome == _MATCHED:
                env.update(trial)
                break
            if outcome == _NO:
                return False
            ni += 1
        pi, ni = pi + 1, ni + 1
        if pi == len(pats):
            return True
        if ni == len(nodes):
            return all(p.meta == "$$$" for p in pats[pi:])


def _ellipsis(pats: tuple[PNode, ...], pi: int, nodes: list[ts.Node], ni: int,
              env: Env) -> tuple[int, int, bool] | None:
    """Consume target nodes for the ``$$$`` at ``pi``: (next pattern, next node, all done)."""
    name, start = pats[pi].name, ni
    pi += 1
    while pi < len(pats) and not pats[pi].named and not pats[pi].meta:
        pi += 1  # punctuation after $$$ is not looked for
    if pi == len(pats):
        _bind_many(name, nodes[start:], env)
        return pi, len(nodes), True
    if pats[pi].meta == "$$$":
        if ni + 1 >= len(nodes):
            return None
        _bind_many(name, nodes[start:ni + 1], env)
        return pi, ni + 1, False
    while True:
        trial = dict(env)
        if _one(pats[pi], nodes[ni], trial) == _MATCHED:
            _bind_many(name, nodes[start:ni], env)
            return pi, ni, False
        ni += 1
        if ni == len(nodes):
            return None


def _bind_many(name: str, nodes: list[ts.Node], env: Env) -> None:
    if name and not name.startswith("_"):
        env[name] = nodes
