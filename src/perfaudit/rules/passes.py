"""Run many rules over one syntax tree in as few traversals as possible (pure).

Rules whose matcher is a plain ``rule:`` are folded into one ``any:`` pass; each hit is then
attributed to the rules that match it, testing only rules whose entry node kind fits. Rules with
``utils``, ``constraints`` or ``transform`` keep a pass of their own, since those sections do not
compose under one ``any:``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from perfaudit.rules.schema import Rule

Node = Any  # ast_grep_py.SgNode
_KINDS: dict[str, frozenset[str] | None] = {}


def entry_kinds(rule: Mapping[str, Any]) -> frozenset[str] | None:
    """Node kinds a rule can match at its top level, or None when that is not evident."""
    if isinstance(rule.get("kind"), str):
        return frozenset({rule["kind"]})
    pattern = rule.get("pattern")
    if isinstance(pattern, Mapping) and isinstance(pattern.get("selector"), str):
        return frozenset({pattern["selector"]})
    if isinstance(rule.get("any"), list):
        parts = [entry_kinds(sub) for sub in rule["any"] if isinstance(sub, Mapping)]
        if parts and all(part is not None for part in parts):
            return frozenset().union(*[p for p in parts if p is not None])
        return None
    if isinstance(rule.get("all"), list):
        for sub in rule["all"]:
            kinds = entry_kinds(sub) if isinstance(sub, Mapping) else None
            if kinds is not None:
                return kinds
    return None


def _kinds_of(rule: Rule) -> frozenset[str] | None:
    if rule.id not in _KINDS:
        _KINDS[rule.id] = entry_kinds(rule.matcher["rule"])
    return _KINDS[rule.id]


def _is_plain(rule: Rule) -> bool:
    return set(rule.matcher) == {"rule"}


def _same_node(a: Node, b: Node) -> bool:
    ra, rb = a.range(), b.range()
    same = ra.start.index == rb.start.index and ra.end.index == rb.end.index
    return bool(same and a.kind() == b.kind())


def bound_node(node: Node, rule: Rule) -> Node | None:
    """``node`` as found by ``rule``'s own matcher, so its metavariables are bound."""
    for hit in node.find_all(dict(rule.matcher)):
        if _same_node(hit, node):
            return hit
    return None


def _combined(root: Node, rules: Sequence[Rule]) -> Iterator[tuple[Rule, Node]]:
    config = {"rule": {"any": [dict(rule.matcher["rule"]) for rule in rules]}}
    for node in root.find_all(config):
        kind = node.kind()
        for rule in rules:
            kinds = _kinds_of(rule)
            if kinds is not None and kind not in kinds:
                continue
            if not node.matches(**rule.matcher["rule"]):
                continue
            hit = bound_node(node, rule) if rule.check is not None else node
            if hit is not None:
                yield rule, hit


def matches(root: Node, rules: Sequence[Rule]) -> Iterator[tuple[Rule, Node]]:
    """Every (rule, node) match of ``rules`` in the tree under ``root``."""
    plain = [rule for rule in rules if _is_plain(rule)]
    if len(plain) > 1:
        yield from _combined(root, plain)
    else:
        yield from ((rule, node) for rule in plain for node in root.find_all(dict(rule.matcher)))
    for rule in rules:
        if not _is_plain(rule):
            yield from ((rule, node) for node in root.find_all(dict(rule.matcher)))
