"""``x += …`` per iteration where CPython cannot extend the value in place.

CPython resizes a local ``str`` in place on ``s += t`` (and ``s = s + t``) while the local
holds the only reference, so a plain local string accumulator is close to linear and is left
alone. What stays quadratic: a ``bytes`` accumulator (``b""``, ``bytes(...)``, ``.encode()``),
and a string kept anywhere but a plain local, ``self.out``, ``obj.text``, ``d[k]`` or a
``global``/``nonlocal`` name, since the object or scope holds a second reference.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node

_STRINGS = ("string", "concatenated_string")
_BYTES_PREFIX = re.compile(r"(?i)^[rf]*b")
_SHARED_TARGETS = ("attribute", "subscript")


def _is_bytes(value: Node) -> bool:
    """A ``b"..."`` literal, ``bytes(...)``, ``x.encode(...)`` or ``b"".join(...)``."""
    if value.kind() in _STRINGS:
        return bool(_BYTES_PREFIX.match(value.text()))
    if value.kind() != "call":
        return False
    name = common.call_name(value)
    function = value.field("function")
    owner = function.field("object") if function is not None and function.kind() == "attribute" else None
    return (name == "bytes" or name.endswith(".encode")
            or (name.endswith(".join") and owner is not None and _is_bytes(owner)))


def _is_text(value: Node) -> bool:
    """A string literal or f-string, or ``+`` of pieces one of which is one."""
    if value.kind() in _STRINGS:
        return True
    if value.kind() == "parenthesized_expression":
        return any(_is_text(c) for c in value.named_children())
    if value.kind() == "binary_operator":
        operator = value.field("operator")
        return operator is not None and operator.text() == "+" and any(
            _is_text(c) for c in (value.field("left"), value.field("right")) if c is not None)
    return False


def _declared_outside(fn: Node, name: str) -> bool:
    """Whether ``fn`` declares ``global name`` or ``nonlocal name``."""
    for kind in ("global_statement", "nonlocal_statement"):
        for stmt in fn.find_all(kind=kind):
            if name in {c.text() for c in stmt.named_children()}:
                return True
    return False


def _rebound_in(loop: Node) -> set[str]:
    """Names each iteration binds afresh: loop targets and plain assignments in the body."""
    names = py.loop_targets(loop)
    for stmt in loop.find_all(kind="assignment") + loop.find_all(kind="for_statement"):
        target = stmt.field("left")
        if target is not None and target.kind() in ("identifier", "pattern_list", "tuple_pattern"):
            names |= py.names_in(target)
    return names


def _assigned_literals(root: Node) -> frozenset[str]:
    """Targets (``self.out``, ``TEXT``) the file assigns a string or bytes literal to, once per file."""
    def collect() -> frozenset[str]:
        return frozenset(left.text() for stmt in root.find_all(kind="assignment")
                         if (left := stmt.field("left")) is not None
                         and (right := stmt.field("right")) is not None and right.kind() in _STRINGS)
    targets: frozenset[str] = root.remember(_assigned_literals, collect)
    return targets


def _shared_accumulator(match: Match, target: Node, loop: Node) -> bool:
    """A string or bytes kept outside the locals, built up across iterations of ``loop``."""
    value = match.node.get_match("X")
    if value is None or value.kind() in ("integer", "float"):
        return False  # ``self.count += 1``
    if py.names_in(target) & _rebound_in(loop):
        return False  # ``item.label += "*"``: a different object each iteration
    return _is_text(value) or _is_bytes(value) or target.text() in _assigned_literals(match.root)


def check(match: Match) -> bool:
    """Whether the accumulator is bytes or is not a plain local (no in-place resize)."""
    target = match.node.get_match("S")
    loops = py.iteration_loops(match.node)
    fn = py.function_of(match.node)
    if target is None or not loops or fn is None or py.iterates_literal(loops[0]):
        return False
    loop = loops[0]
    if target.kind() in _SHARED_TARGETS:
        return _shared_accumulator(match, target, loop)
    if target.kind() != "identifier":
        return False
    if _declared_outside(fn, target.text()):
        return _shared_accumulator(match, target, loop)
    values = py.assignments_to(fn, target.text())
    return (bool(values) and all(_is_bytes(v) for v in values)
            and not any(py.within(v, loop) for v in values))
