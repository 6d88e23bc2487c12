"""A loop over a queryset of model instances, built in the same function with no
``select_related``/``prefetch_related`` anywhere in it, whose body follows a relation of the
row: a related manager (``row.lines.all()``, ``row.tags.count()``), the related object's key
(``row.customer.id``), or an attribute the module shows to be a relation (declared as a
``ForeignKey``, named in a ``select_related``/``prefetch_related`` elsewhere, read as
``<name>_id``, or named after a model the module imports) read through (``row.customer.email``)
or passed on whole.

Rows of ``.values()``/``.values_list()`` are dicts and tuples; a parameter's queryset may have
been prefetched by the caller; a slice of a few rows (``[:5]``) costs a few queries: all left
alone.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py
from perfaudit.rules.facts.python import django as dj
from perfaudit.syntax.node import Node

_MANAGER_CALLS = frozenset({"filter", "exclude", "order_by", "values_list", "aggregate",
                            "annotate", "latest", "earliest", "in_bulk", "select_related",
                            "prefetch_related", "only", "defer"})
"""Methods only a related manager (or a queryset) has."""
_NO_ARG_CALLS = frozenset({"all", "count", "exists", "first", "last"})
"""Methods a related manager has that other values share only with an argument
(``list.count(x)``); ``get``, ``values``, ``items`` are left out: a JSON field is a dict."""
_NOT_RELATION = frozenset({"pk", "id", "_meta", "_state", "__class__", "objects", "DoesNotExist",
                           "_prefetched_objects_cache"})
_SMALL_SLICE = re.compile(r"\[\s*:\s*(\d+)\s*\]$")
_SMALL = 20


def _body_parts(loop: Node) -> list[Node]:
    """What runs per row: a ``for`` body, or a comprehension but its first iterable."""
    if loop.kind() == "for_statement":
        body = loop.field("body")
        return [body] if body is not None else []
    clauses = [c for c in loop.named_children() if c.kind() == "for_in_clause"]
    return [c for c in loop.named_children() if not clauses or c != clauses[0]]


def _relation_read(attr: Node, rows: set[str], relations: frozenset[str]) -> bool:
    """``row.X`` followed as a relation where ``attr`` is that ``row.X`` node."""
    obj, name = attr.field("object"), attr.field_text("attribute")
    if obj is None or obj.kind() != "identifier" or obj.text() not in rows:
        return False
    if name in _NOT_RELATION or name.endswith("_id") or name.startswith("get_"):
        return False
    parent = attr.parent()
    if parent is not None and parent.kind() == "call" and parent.field("function") == attr:
        return False  # ``row.method(...)``
    if parent is not None and parent.kind() == "assignment" and parent.field("left") == attr:
        return False  # ``row.customer = ...`` sets, it does not load
    outer = parent if parent is not None and parent.kind() == "attribute" else None
    if outer is not None:
        inner_name = outer.field_text("attribute")
        grand = outer.parent()
        called = grand is not None and grand.kind() == "call" and grand.field("function") == outer
        if called and grand is not None and (inner_name in _MANAGER_CALLS or (
                inner_name in _NO_ARG_CALLS and _no_args(grand))):
            return True  # ``row.lines.all()``: a related manager
        if inner_name in ("id", "pk") and not called:
            return True  # ``row.customer.id``: loads the customer for a key the row holds
        return name in relations and not called
    return name in relations


def _no_args(call: Node) -> bool:
    args = call.field("arguments")
    return args is None or not args.named_children()


def _sliced_small(found: dj.Queryset) -> bool:
    return any((m := _SMALL_SLICE.search(s)) is not None and int(m.group(1)) <= _SMALL
               for s in found.sources)


def check(match: Match) -> bool:
    """Whether a loop over a queryset built here reads a relation per row without prefetching it."""
    loop = match.node
    source = dj.loop_source(loop)
    fn = py.function_of(loop)
    if source is None or fn is None:
        return False
    iterable, rows = source
    text = loop.text()
    if not any(f"{row}." in text for row in rows):
        return False  # no row is read through: nothing to load per row (and cheap to see)
    if ".objects" not in fn.text():
        return False  # a queryset built here starts at a manager (or an owner fetched by one)
    if not dj.is_django_module(match.root, match.source):
        return False
    found = dj.queryset(iterable, fn)
    if found is None or found.values or not found.local or _sliced_small(found):
        return False
    if dj.prefetches(fn, found):
        return False
    relations = dj.declared_relations(match.root, match.source) | dj.model_names(match.root)
    for part in _body_parts(loop):
        for attr in part.find_all(kind="attribute"):
            if _relation_read(attr, rows, relations):
                return True
    return False
