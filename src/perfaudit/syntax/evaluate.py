"""Evaluate ast-grep rule configs on tree-sitter nodes (pure).

Covers what the catalogue and its predicates use: ``kind``, ``regex``, ``pattern`` (plain or
``context``/``selector``), ``has``/``inside`` with ``field`` and ``stopBy``, ``all``/``any``/
``not`` and metavariable ``constraints``. Semantics follow ast-grep's: relational rules look at
direct neighbours unless ``stopBy`` says otherwise, a ``stopBy`` node is itself still tested,
regexes search the node text, and patterns may skip punctuation in the target.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import tree_sitter as ts

from perfaudit.errors import RuleError
from perfaudit.model import Language
from perfaudit.syntax import query as tsquery
from perfaudit.syntax.pattern import Env, Pattern, compile_pattern
from perfaudit.syntax.query import ABOVE, parent_of

Test = Callable[[ts.Node, Env], bool]
_RUST_ONLY_FLAGS = re.compile(r"\(\?([a-zA-Z]*)-u([a-zA-Z]*)([:)])")


def python_regex(pattern: str) -> re.Pattern[str]:
    """Compile a rule regex (Rust syntax) for Python: ``(?i-u:…)`` becomes ``(?i:…)``."""
    return re.compile(_RUST_ONLY_FLAGS.sub(lambda m: f"(?{m[1]}{m[2]}{m[3]}", pattern))


@dataclass(frozen=True, slots=True)
class Part:
    """A compiled rule object: ``test`` decides a node; ``kinds`` bounds the kinds it can
    match (None: any); ``pure`` means the test is exactly ``node.type in kinds``."""

    test: Test
    kinds: frozenset[str] | None
    pure: bool = False
    anchors: tuple[str, ...] | None = None  # text one of which every match contains
    within: frozenset[str] | None = None  # kinds one of which every match is inside


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: a memo key
class Compiled:
    """A compiled rule config: its top rule and the metavariable constraints."""

    top: Part
    language: Language
    constraints: tuple[tuple[str, Test], ...] = ()

    @property
    def kinds(self) -> frozenset[str] | None:
        """The only kinds the rule can match (None: any)."""
        return self.top.kinds

    @property
    def anchors(self) -> tuple[str, ...] | None:
        """Text one of which every match contains, known from its patterns (None: unknown)."""
        return self.top.anchors

    @property
    def within(self) -> frozenset[str] | None:
        """Kinds one of which encloses every match (None: unknown)."""
        return self.top.within

    def accepts(self, node: ts.Node, env: Env) -> bool:
        """Whether ``node`` matches, binding metavariables into ``env``."""
        if not self.top.test(node, env):
            return False
        for name, test in self.constraints:
            bound = env.get(name)
            if isinstance(bound, ts.Node) and not test(bound, {}):
                return False
        return True

    def search(self, node: ts.Node) -> list[tuple[ts.Node, Env]]:
        """Matching nodes under and including ``node`` with their bindings, in pre-order."""
        candidates = tsquery.nodes_of(node, self.kinds, self.language)
        if self.top.pure and not self.constraints:
            return [(candidate, {}) for candidate in candidates]
        found = []
        for candidate in candidates:
            env: Env = {}
            if self.accepts(candidate, env):
                found.append((candidate, env))
        return found


def compile_config(language: Language, config: Mapping[str, Any]) -> Compiled:
    """Compile a rule config (``{"rule": …, "constraints": …}``), cached by its content."""
    rule = config.get("rule")
    if len(config) == 1 and isinstance(rule, Mapping) and len(rule) == 1 and "kind" in rule:
        return _compile_kind(language, rule["kind"])  # the common find_all(kind=...) call
    return _compile_cached(language, json.dumps(config, sort_keys=True, default=str))


@lru_cache(maxsize=512)
def _compile_kind(language: Language, kind: str) -> Compiled:
    return Compiled(top=_kind(language, kind), language=language)


@lru_cache(maxsize=1024)
def _compile_cached(language: Language, key: str) -> Compiled:
    config = json.loads(key)
    top = compile_rule(language, config["rule"])
    constraints = tuple((name, compile_rule(language, sub).test)
                        for name, sub in (config.get("constraints") or {}).items())
    return Compiled(top=top, language=language, constraints=constraints)


def compile_rule(language: Language, rule: Mapping[str, Any]) -> Part:
    """One rule object: every key present must hold (ast-grep ANDs them)."""
    parts: list[Part] = []
    for key, value in rule.items():
        builder = _BUILDERS.get(key)
        if builder is None:
            if key in ("stopBy", "field"):
                continue
            raise RuleError(f"rule key {key!r} is not supported")
        parts.append(builder(language, value))
    return _all(parts)


def _all(parts: list[Part]) -> Part:
    kinds: frozenset[str] | None = None
    for part in parts:
        if part.kinds is not None:
            kinds = part.kinds if kinds is None else kinds & part.kinds
    if all(part.pure for part in parts) and kinds is not None:
        return _of_kinds(kinds)
    anchors = next((part.anchors for part in parts if part.anchors), None)
    within = next((part.within for part in parts if part.within), None)
    rest = [part.test for part in parts if not part.pure]
    if kinds is not None:  # the cheap kind test first, then the rest in the rule's order
        allowed = kinds
        rest.insert(0, lambda node, _env: node.type in allowed)
    if len(rest) == 1:
        return Part(rest[0], kinds, anchors=anchors, within=within)
    return Part(lambda node, env: all(t(node, env) for t in rest), kinds, anchors=anchors,
                within=within)


def _of_kinds(kinds: frozenset[str]) -> Part:
    return Part(lambda node, _env: node.type in kinds, kinds, pure=True)


def _kind(_language: Language, value: str) -> Part:
    return _of_kinds(frozenset({value}))


def _regex(_language: Language, value: str) -> Part:
    search = python_regex(value).search
    return Part(lambda node, _env: search(text_of(node)) is not None, None)


def _pattern(language: Language, value: Any) -> Part:
    pattern: Pattern = compile_pattern(language, value)
    anchor = pattern.anchor()
    return Part(pattern.match, pattern.kinds, anchors=(anchor,) if anchor else None)


def _any(language: Language, value: list[Any]) -> Part:
    parts = [compile_rule(language, sub) for sub in value]
    kinds: frozenset[str] | None = frozenset()
    for part in parts:
        kinds = None if kinds is None or part.kinds is None else kinds | part.kinds
    if kinds is not None and all(part.pure for part in parts):
        return _of_kinds(kinds)
    tests = [part.test for part in parts]
    anchors = within = None
    if all(part.anchors for part in parts):
        anchors = tuple(dict.fromkeys(a for part in parts for a in part.anchors or ()))
    if all(part.within for part in parts):
        within = frozenset().union(*[part.within or () for part in parts])
    return Part(lambda node, env: any(t(node, env) for t in tests), kinds, anchors=anchors,
                within=within)


def _all_of(language: Language, value: list[Any]) -> Part:
    return _all([compile_rule(language, sub) for sub in value])


def _not(language: Language, value: Mapping[str, Any]) -> Part:
    test = compile_rule(language, value).test
    return Part(lambda node, _env: not test(node, {}), None)


def _stop(language: Language, rule: Mapping[str, Any]) -> Part | None:
    """None for ``neighbor`` (one step), a part that never holds for ``end``, else a rule."""
    stop = rule.get("stopBy", "neighbor")
    if stop == "neighbor":
        return None
    if stop == "end":
        return _of_kinds(frozenset())
    return compile_rule(language, stop)


def _has(language: Language, rule: Mapping[str, Any]) -> Part:
    inner, field, stop = compile_rule(language, rule), rule.get("field"), _stop(language, rule)
    if stop is None:
        def neighbour(node: ts.Node, env: Env) -> bool:
            first = node.children_by_field_name(field) if field else node.children
            return any(inner.test(child, env) for child in first)
        return Part(neighbour, None)
    if not field and stop.pure and not stop.kinds and inner.kinds is not None:
        def anywhere(node: ts.Node, env: Env) -> bool:  # stopBy: end, found by a query walk
            return any(inner.test(d, env) for d in tsquery.nodes_of(node, inner.kinds, language)
                       if d != node)
        return Part(anywhere, None)

    def descend(node: ts.Node, env: Env) -> bool:
        pending = list(reversed(node.children_by_field_name(field) if field else node.children))
        while pending:
            child = pending.pop()
            if inner.test(child, env):
                return True
            if not stop.test(child, env):
                pending.extend(reversed(child.children))
        return False
    return Part(descend, None)


def _inside(language: Language, rule: Mapping[str, Any]) -> Part:
    inner, field, stop = compile_rule(language, rule), rule.get("field"), _stop(language, rule)
    if inner.pure and (stop is None or stop.pure) and inner.kinds is not None:
        return Part(_inside_kinds(inner.kinds, stop.kinds if stop else None, field), None,
                    within=inner.kinds or None)

    def test(node: ts.Node, env: Env) -> bool:
        parent = parent_of(node)
        if field and (parent is None or not _is_field(parent, node, field)):
            return False
        while parent is not None:
            if inner.test(parent, env):
                return True
            if stop is None or stop.test(parent, env):
                return False
            parent = parent_of(parent)
        return False
    return Part(test, None)


def _inside_kinds(kinds: frozenset[str], stop: frozenset[str] | None, field: str | None) -> Test:
    """``inside`` when both the target and the stop are plain kinds.

    The answer for each ancestor is kept for the file (``tsquery.ABOVE``): matches in one
    function climb the same ancestors, so each is looked at once per rule.
    """
    token = object()

    def test(node: ts.Node, _env: Env) -> bool:
        parent = parent_of(node)
        if field and (parent is None or not _is_field(parent, node, field)):
            return False
        climbed = []
        answer = False
        while parent is not None:
            key = (token, parent.id)
            known = ABOVE.get(key)
            if known is not None:
                answer = known
                break
            climbed.append(key)
            kind = parent.type
            if kind in kinds:
                answer = True
                break
            if stop is None or kind in stop:
                break
            parent = parent_of(parent)
        for key in climbed:
            ABOVE[key] = answer
        return answer
    return test


def _is_field(parent: ts.Node, node: ts.Node, field: str) -> bool:
    return any(child == node for child in parent.children_by_field_name(field))


def text_of(node: ts.Node) -> str:
    """A node's source text."""
    return (node.text or b"").decode("utf-8", "replace")


_BUILDERS: dict[str, Callable[[Language, Any], Part]] = {
    "kind": _kind,
    "regex": _regex,
    "pattern": _pattern,
    "any": _any,
    "all": _all_of,
    "not": _not,
    "has": _has,
    "inside": _inside,
}
