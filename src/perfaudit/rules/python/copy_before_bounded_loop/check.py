"""A full copy that only a counter-bounded loop reads.

The copy is either the loop's iterable (``for k, v in list(d.items()):``, also inside
``enumerate(...)``) or a name bound to it within the three statements before such a loop,
read nowhere else except by ``len(name)``. The loop is bounded when a ``break`` or ``return``
of its own sits under an ``if`` that compares a counter: the loop's ``enumerate`` index or a
name the body increments with ``+=``. A ``break`` on "found it" is a search, not a bound.
"""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node

_VIEWS = (".items()", ".keys()", ".values()")
_NESTED = ("for_statement", "while_statement", "function_definition", "lambda",
           "class_definition")
_COMPARISONS = frozenset({">", ">=", "==", "<", "<="})
_LOOKAHEAD = 3


def _iterated(right: Node) -> Node:
    """The collection a loop walks: through ``enumerate(...)``."""
    if right.kind() == "call" and common.call_name(right) == "enumerate":
        args = right.field("arguments")
        named = args.named_children() if args is not None else []
        if named:
            return named[0]
    return right


def _walks(loop: Node, name: str) -> bool:
    right = loop.field("right")
    if right is None:
        return False
    text = _iterated(right).text()
    return text == name or any(text == name + view for view in _VIEWS)


def _counters(loop: Node) -> set[str]:
    found: set[str] = set()
    right = loop.field("right")
    left = loop.field("left")
    if right is not None and right.kind() == "call" and common.call_name(right) == "enumerate" \
            and left is not None:
        first = left.named_children()[0] if left.kind() in ("pattern_list", "tuple_pattern") \
            and left.named_children() else None
        if first is not None and first.kind() == "identifier":
            found.add(first.text())
    body = loop.field("body")
    for aug in body.find_all(kind="augmented_assignment") if body is not None else []:
        target = aug.field("left")
        if target is not None and target.kind() == "identifier" and "+" in aug.text():
            found.add(target.text())
    return found


def _own(exit_stmt: Node, loop: Node) -> bool:
    """Whether ``exit_stmt`` leaves ``loop`` itself (not a nested loop or function)."""
    for ancestor in exit_stmt.ancestors():
        if ancestor == loop:
            return True
        if ancestor.kind() in _NESTED:
            return False
    return False


def _bounded(loop: Node) -> bool:
    counters = _counters(loop)
    body = loop.field("body")
    if not counters or body is None:
        return False
    exits = [*body.find_all(kind="break_statement"), *body.find_all(kind="return_statement")]
    for stmt in exits:
        if not _own(stmt, loop):
            continue
        guard = next((a for a in stmt.ancestors() if a.kind() == "if_statement"), None)
        if guard is None or not py.within(guard, body):
            continue
        condition = guard.field("condition")
        for cmp in ([condition] if condition is not None else []) + \
                (condition.find_all(kind="comparison_operator") if condition is not None else []):
            if cmp.kind() != "comparison_operator":
                continue
            operators = {c.text() for c in cmp.children() if not c.is_named()}
            if operators & _COMPARISONS and py.names_in(cmp) & counters:
                return True
    return False


def _header(ident: Node, loop: Node) -> bool:
    """``ident`` is the loop's own iterable (``name``, ``name.items()``, ``enumerate(name)``)."""
    right = loop.field("right")
    return right is not None and py.within(ident, right) and _walks(loop, ident.text())


def _in_len(ident: Node) -> bool:
    parent = ident.parent()
    call = parent.parent() if parent is not None and parent.kind() == "argument_list" else None
    return call is not None and common.call_name(call) == "len"


def _only_len(name: str, fn: Node, binding: Node, loop: Node) -> bool:
    """After the copy, ``name`` is read only by the loop header and ``len(name)``.

    Reads are looked for in the rest of the block that binds it when that block ends in a
    ``return`` or ``raise`` (later branches of an ``if`` chain see the original), otherwise in
    the rest of the function.
    """
    statement = binding.parent()
    block = statement.parent() if statement is not None else None
    last = block.named_children()[-1] if block is not None and block.named_children() else None
    scope = block if last is not None and last.kind() in ("return_statement",
                                                            "raise_statement") else fn
    after = binding.range().end.index
    for ident in common.identifiers_named(fn, name):
        if ident.range().start.index < after or not py.within(ident, scope):
            continue
        if _header(ident, loop) or _in_len(ident):
            continue
        return False
    return True


def _loop_after(assignment: Node, name: str) -> Node | None:
    statement = assignment.parent()
    if statement is None or statement.kind() != "expression_statement":
        return None
    following = [s for s in statement.next_all() if s.kind() != "comment"]
    for sibling in following[:_LOOKAHEAD]:
        if sibling.kind() == "for_statement":
            return sibling if _walks(sibling, name) else None
        if name in py.names_in(sibling):
            return None
    return None


def _copied_source(match: Match) -> bool:
    source = match.node.get_match("Y")
    return source is not None and source.kind() not in (
        "list", "tuple", "dictionary", "set", "list_comprehension", "generator_expression",
        "dictionary_comprehension", "string", "call")


def _mutates(loop: Node, source: Node) -> bool:
    """Whether the loop changes the collection it copied (then the copy is needed)."""
    body = loop.field("body")
    if body is None:
        return True
    text = source.text()
    base = text.split("[", 1)[0].split(".", 1)[0]
    if base and any(name.startswith((base + "[", base + ".")) and name.endswith(
            tuple("." + m for m in py.MUTATORS)) for name in
            (common.call_name(c) for c in body.find_all(kind="call"))):
        return True
    for stmt in body.find_all(kind="delete_statement"):
        if text in stmt.text():
            return True
    for assign in [*body.find_all(kind="assignment"), *body.find_all(kind="augmented_assignment")]:
        left = assign.field("left")
        if left is not None and left.kind() == "subscript" and left.text().startswith(text + "["):
            return True
    for call in body.find_all(kind="call"):
        name = common.call_name(call)
        if name.startswith(text + ".") and name[len(text) + 1:] in py.MUTATORS:
            return True
    return False


def check(match: Match) -> bool:
    """Whether a whole copy feeds a loop that stops after a bounded number of items."""
    node = match.node
    fn = py.function_of(node)
    if fn is None or not _copied_source(match):
        return False
    if common.call_name(node) == "list" and not node.text().endswith(tuple(v + ")" for v in _VIEWS)):
        outer = node.parent()
        call = outer.parent() if outer is not None else None
        if call is None or common.call_name(call) != "enumerate":
            return False  # a bare list(xs) counts only as `enumerate(list(xs))`
    parent = node.parent()
    if parent is not None and parent.kind() == "argument_list":
        call = parent.parent()
        if call is not None and common.call_name(call) == "enumerate":
            parent = call.parent()
            node = call
    if parent is not None and parent.kind() == "for_statement":
        right = parent.field("right")
        source = match.node.get_match("Y")
        return right is not None and right == node and _bounded(parent) \
            and source is not None and not _mutates(parent, source)
    if parent is None or parent.kind() != "assignment" or parent.field("right") != node:
        return False
    left = parent.field("left")
    if left is None or left.kind() != "identifier":
        return False
    name = left.text()
    loop = _loop_after(parent, name)
    source = match.node.get_match("Y")
    if loop is None or source is None or not _bounded(loop) or _mutates(loop, source):
        return False
    return _only_len(name, fn, parent, loop)
