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
from perfaudit.rules.grammars import parse

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
    children = tuple(_build(c) for c in node.children if c.type != "comment")
    return PNode(kind=node.type, text=text, named=node.is_named, children=children)


def _skippable(node: ts.Node) -> bool:
    return not node.is_named  # as in ast-grep, a comment in the target is not skipped


def _match(p: PNode, node: ts.Node, env: Env) -> bool:
    if p.meta == "$":
        return node.is_named and _bind(p.name, node, env)
    if node.type != p.kind:
        return False
    if not p.children:
        return node.child_count == 0 and node.text == p.text.encode()
    return _sequence(p.children, 0, node.children, 0, env)


def _bind(name: str, node: ts.Node, env: Env) -> bool:
    if not name or name.startswith("_"):
        return True
    bound = env.get(name)
    if bound is None:
        env[name] = node
        return True
    return isinstance(bound, ts.Node) and bound.text == node.text


def _sequence(pats: tuple[PNode, ...], pi: int, nodes: list[ts.Node], ni: int, env: Env) -> bool:
    while pi < len(pats):
        p = pats[pi]
        if p.meta == "$$$":
            return _multi(pats, pi, nodes, ni, env)
        while ni < len(nodes):
            trial = dict(env)
            if _match(p, nodes[ni], trial):
                env.update(trial)
                break
            if not _skippable(nodes[ni]):
                return False
            ni += 1
        if ni == len(nodes):
            return False
        pi, ni = pi + 1, ni + 1
    return all(_skippable(n) for n in nodes[ni:])


def _multi(pats: tuple[PNode, ...], pi: int, nodes: list[ts.Node], ni: int, env: Env) -> bool:
    """``$$$`` takes as few nodes as lets the rest of the pattern match."""
    for end in range(ni, len(nodes) + 1):
        trial = dict(env)
        if _sequence(pats, pi + 1, nodes, end, trial):
            env.update(trial)
            name = pats[pi].name
            if name and not name.startswith("_"):
                env[name] = nodes[ni:end]
            return True
    return False
