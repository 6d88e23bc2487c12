"""``sum``/``max``/``min`` over the rows of a queryset (a comprehension over it, or its
``values_list``), and ``len`` of a queryset whose rows are not used otherwise.

A queryset is a ``Model.objects`` chain, a variable the function assigned one, or a
parameter named ``qs``/``queryset``/``*_qs``; the rows of one object's related manager
(``order.lines.all()``) are few and left alone. ``len(qs)`` of a
variable that the function also iterates or passes on is left alone: the rows are loaded
for that use anyway, and ``len`` then reads the cache.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.rules.facts.python import django as dj
from perfaudit.syntax.node import Node

_COMPREHENSIONS = ("generator_expression", "list_comprehension", "set_comprehension")
_QS_PARAMETER = re.compile(r"^(qs|queryset|\w+_(qs|queryset))$")


def _table_wide(found: dj.Queryset | None, expr: Node) -> bool:
    """A queryset over a table (``Model.objects...``, or a parameter named ``qs``), not the
    children of one object (``order.lines.all()``), which are few."""
    if found is None:
        return False
    if any(".objects" in source for source in found.sources):
        return True
    return not found.local and bool(_QS_PARAMETER.match(dj.chain_root(expr).text()))


def _first_arg(call: Node) -> Node | None:
    args = call.field("arguments")
    if args is None:
        return None
    if args.kind() in _COMPREHENSIONS:
        return args  # ``sum(x for x in xs)``: the generator is the argument list
    items = [a for a in args.named_children() if a.kind() != "comment"]
    return items[0] if items else None


def _reduces_rows(arg: Node, fn: Node) -> bool:
    """A comprehension over a queryset that reads each row (or the rows themselves)."""
    if arg.kind() in _COMPREHENSIONS:
        source = dj.loop_source(arg)
        if source is None or len([c for c in arg.named_children()
                                  if c.kind() == "for_in_clause"]) != 1:
            return False
        iterable, rows = source
        body = arg.named_children()[0]
        return _table_wide(dj.queryset(iterable, fn), iterable) and (
            bool(py.names_in(body) & rows) or body.kind() == "integer")
    found = dj.queryset(arg, fn)
    # ``sum(qs.values_list("f", flat=True))``
    return found is not None and found.values and _table_wide(found, arg)


def _only_use(name: str, call: Node, fn: Node) -> bool:
    """Whether ``len(name)`` is the only read of ``name`` besides ``name = ...`` chains."""
    for ident in common.identifiers_named(fn, name):
        if common.is_within(ident, call):
            continue
        parent = ident.parent()
        if parent is not None and parent.kind() == "assignment" and parent.field("left") == ident:
            continue
        if parent is not None and parent.kind() == "attribute" and parent.field("object") == ident:
            grand = parent.parent()
            top = grand
            while top is not None and top.kind() in ("call", "attribute", "argument_list"):
                top = top.parent()
            if top is not None and top.kind() == "assignment" and top.field_text("left") == name:
                continue  # ``qs = qs.filter(...)``
        return False
    return True


def _len_of_queryset(arg: Node, call: Node, fn: Node) -> bool:
    found = dj.queryset(arg, fn)
    if found is None or not _table_wide(found, arg):
        return False
    if arg.kind() == "identifier":
        return found.local and _only_use(arg.text(), call, fn)
    return arg.kind() == "call"  # ``len(Model.objects.filter(...))``


def check(match: Match) -> bool:
    """Whether sum/len/max/min reduce a table-wide Django queryset in Python."""
    call = match.node
    fn = py.function_of(call)
    arg = _first_arg(call)
    if fn is None or arg is None or not dj.is_django_module(match.root, match.source):
        return False
    if common.call_name(call) == "len":
        return _len_of_queryset(arg, call, fn)
    return _reduces_rows(arg, fn)
