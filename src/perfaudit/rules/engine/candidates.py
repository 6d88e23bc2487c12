"""Run rules over one syntax tree (pure).

Each file is parsed once with tree-sitter. A rule with ``anchors`` gets its candidates from the
anchors' occurrences in the file's bytes, with no walk of the tree; the other rules share one
query walk that collects every node of their kinds (and of the kinds a rule's match must sit
inside, so candidates outside them are never tried). The full rule then decides each candidate.
Running each rule as its own ast-grep pass cost 4 to 5 times the parse time on terraform, most
of it spent recompiling rules for every file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import tree_sitter as ts

from perfaudit.rules.catalogue.schema import Rule
from perfaudit.syntax import evaluate as ruleeval
from perfaudit.syntax import query as tsquery
from perfaudit.syntax.node import Node
from perfaudit.syntax.pattern import Env


@dataclass(frozen=True, slots=True)
class Candidates:
    """One rule's candidate nodes in a file, with the matcher that decides each."""

    rule: Rule
    matcher: ruleeval.Compiled
    nodes: list[ts.Node]

    def accept(self, root: Node, node: ts.Node) -> Node | None:
        """The match at ``node`` (its metavariables bound), or None when the rule rejects it."""
        env: Env = {}
        return root.wrap_match(node, env) if self.matcher.accepts(node, env) else None


def candidates(root: Node, rules: Sequence[Rule]) -> list[Candidates]:
    """Each rule's candidate nodes under ``root``, in source order, found in shared passes."""
    data = root.get_root().data
    compiled = [_compiled(rule) for rule in rules]
    anchors = [anchors_of(rule) if c.kinds else () for rule, c in zip(rules, compiled, strict=True)]
    unanchored = [c for c, a in zip(compiled, anchors, strict=True) if not a]
    walked = _walk_kinds(root, [c.kinds for c in unanchored]
                         + [c.within for c in unanchored if c.within])
    found = iter(tsquery.anchored(root.ts, data, [
        (a, c.kinds or frozenset()) for c, a in zip(compiled, anchors, strict=True) if a]))
    out = []
    for rule, matcher, anchor in zip(rules, compiled, anchors, strict=True):
        if anchor:
            nodes = next(found)
        elif matcher.kinds is None:
            nodes = walked[None]
        else:
            nodes = _of_kinds(walked, matcher.kinds)
            if matcher.within:
                nodes = _enclosed(nodes, _of_kinds(walked, matcher.within))
        out.append(Candidates(rule, matcher, nodes))
    return out


def matches(root: Node, rules: Sequence[Rule]) -> Iterator[tuple[Rule, Node]]:
    """Every (rule, node) match of ``rules`` under ``root``, rule by rule, in source order."""
    for found in candidates(root, rules):
        for node in found.nodes:
            match = found.accept(root, node)
            if match is not None:
                yield found.rule, match


_COMPILED: dict[int, tuple[Rule, ruleeval.Compiled]] = {}


def _compiled(rule: Rule) -> ruleeval.Compiled:
    """A rule's compiled matcher, once per process (the entry keeps the rule, so ids stay put)."""
    entry = _COMPILED.get(id(rule))
    if entry is None:
        entry = _COMPILED[id(rule)] = (rule, ruleeval.compile_config(rule.language, rule.matcher))
    return entry[1]


def anchors_of(rule: Rule) -> tuple[str, ...]:
    """Text one of which every match of ``rule`` contains: declared, or read off its patterns."""
    return rule.meta.anchors or _compiled(rule).anchors or ()


def _of_kinds(walked: dict[str | None, list[ts.Node]], kinds: frozenset[str]) -> list[ts.Node]:
    """The walked nodes of ``kinds``, in pre-order."""
    return tsquery.preorder(n for kind in kinds for n in walked[kind])


def _enclosed(nodes: list[ts.Node], outer: list[ts.Node]) -> list[ts.Node]:
    """``nodes`` (pre-order) that lie within the span of one of ``outer`` (pre-order)."""
    kept, reach, index = [], -1, 0
    for node in nodes:
        start = node.start_byte
        while index < len(outer) and outer[index].start_byte <= start:
            reach = max(reach, outer[index].end_byte)
            index += 1
        if node.end_byte <= reach:
            kept.append(node)
    return kept


def _walk_kinds(root: Node, wanted: list[frozenset[str] | None]) -> dict[str | None, list[ts.Node]]:
    """One walk for the rules without anchors: their nodes by kind (``None``: every node)."""
    by_kind: dict[str | None, list[ts.Node]] = defaultdict(list)
    if not wanted:
        return by_kind
    every = any(kinds is None for kinds in wanted)
    kinds = None if every else frozenset().union(*[k for k in wanted if k is not None])
    nodes = tsquery.nodes_of(root.ts, kinds, root.language)
    if every:
        by_kind[None] = nodes
    for node in nodes:
        by_kind[node.type].append(node)
    return by_kind
