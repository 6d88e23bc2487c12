"""A list of all regex matches used only as "is there one", ``[0]`` or ``[-1]``.

The list is the call itself (``re.findall(p, s)[0]``, ``if re.findall(...)``,
``len(list(rx.finditer(s))) > 0``) or a name bound once to it whose every later use is one of
those. ``findall`` counts only on ``re``/``regex`` or a name the file binds to
``re.compile(...)`` (ElementTree's ``findall`` is another method); ``finditer`` on anything.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node

_REGEX_MODULES = frozenset({"re", "regex"})
_CONDITION_PARENTS = ("if_statement", "elif_clause", "while_statement", "assert_statement")


def _up(node: Node) -> Node | None:
    """The parent, looking through parentheses."""
    parent = node.parent()
    while parent is not None and parent.kind() == "parenthesized_expression":
        parent = parent.parent()
    return parent


def _same(a: Node | None, b: Node) -> bool:
    return a is not None and a.range() == b.range()


def _in_condition(node: Node) -> bool:
    """Whether ``node``'s value is only used for its truth."""
    parent = _up(node)
    if parent is None:
        return False
    kind = parent.kind()
    if kind in _CONDITION_PARENTS or kind == "conditional_expression":
        return _same(parent.field("condition"), node) or (
            kind == "assert_statement" and _same(parent.named_children()[0], node))
    if kind == "not_operator":
        return True
    if kind == "boolean_operator":
        return _in_condition(parent)
    if kind == "call" and common.call_name(parent) == "bool":
        return True
    if kind == "argument_list":
        call = _up(parent)
        return call is not None and common.call_name(call) == "bool"
    return False


def _one_item(node: Node) -> bool:
    """``node[0]`` or ``node[-1]``."""
    parent = _up(node)
    if parent is None or parent.kind() != "subscript" or not _same(parent.field("value"), node):
        return False
    index = parent.field("subscript")
    return index is not None and index.text().replace(" ", "") in ("0", "-1")


def _length_test(node: Node) -> bool:
    """``len(node)`` used for its truth or compared with 0 or 1."""
    args = _up(node)
    call = _up(args) if args is not None and args.kind() == "argument_list" else None
    if call is None or common.call_name(call) != "len":
        return False
    if _in_condition(call):
        return True
    parent = _up(call)
    if parent is None or parent.kind() != "comparison_operator":
        return False
    others = [c for c in parent.named_children() if not _same(c, call)]
    operators = [c.text() for c in parent.children() if not c.is_named()]
    if len(others) != 1 or len(operators) != 1:
        return False
    bound = others[0].text()
    return bound == "0" or (bound == "1" and operators[0] in (">=", "<"))


def _used_for_one(node: Node) -> bool:
    return _in_condition(node) or _one_item(node) or _length_test(node)


def _bound_name(node: Node) -> str:
    parent = _up(node)
    if parent is None or parent.kind() != "assignment" or not _same(parent.field("right"), node):
        return ""
    left = parent.field("left")
    return left.text() if left is not None and left.kind() == "identifier" else ""


def _uses_only_for_one(name: str, node: Node, fn: Node) -> bool:
    if len(py.assignments_to(fn, name)) != 1:
        return False
    start = node.range().end.index
    uses = [ident for ident in common.identifiers_named(fn, name)
            if ident.range().start.index > start]
    return bool(uses) and all(_used_for_one(use) for use in uses)


_COMPILE = re.compile(r"(?:re|regex)\.compile\(")
_TARGET = re.compile(r"([\w.]+)\s*(?::[^=\n]*)?=\s*$")


def _compiled_names(root: Node) -> frozenset[str]:
    names: frozenset[str] = root.remember(_compiled_names, lambda: _compiled(root.text()))
    return names


def _compiled(text: str) -> frozenset[str]:
    """Names bound to ``re.compile(...)``: each call is found by its literal text, then the
    start of its line is read for the target (a regex starting with the target's characters
    would try every position of the file)."""
    names = set()
    for call in _COMPILE.finditer(text):
        head = text[text.rfind("\n", 0, call.start()) + 1:call.start()]
        target = _TARGET.search(head)
        if target is not None:
            names.add(target.group(1))
    return frozenset(names)


def _regex_call(match: Match) -> bool:
    inner = match.node
    if common.call_name(inner) == "list":
        return True  # list(<x>.finditer(...))
    receiver = match.node.get_match("R")
    if receiver is None:
        return False
    text = receiver.text()
    return text in _REGEX_MODULES or text in _compiled_names(match.root) \
        or text.rsplit(".", 1)[-1] in _compiled_names(match.root)


def check(match: Match) -> bool:
    """Whether a list of all regex matches is used only for its truth, first or last item."""
    node = match.node
    fn = py.function_of(node)
    if fn is None or not _regex_call(match):
        return False
    if _used_for_one(node):
        return True
    name = _bound_name(node)
    return bool(name) and _uses_only_for_one(name, node, fn)
