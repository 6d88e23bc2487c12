"""Django ORM facts for rules' ``check.py`` predicates (pure, syntax only).

Whether a module is Django code, whether an expression is a queryset (``Model.objects``
chains, a related manager's ``.all()``, a local variable assigned such a chain, a parameter
named ``qs``/``queryset``), what a loop iterates and binds, and whether a loop variable's
attribute is a relation (a foreign key or a related manager) whose access costs a query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfaudit.rules.facts.common import call_name
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node

_DJANGO_IMPORT = re.compile(r"^[ \t]*(from[ \t]+django[\w.]*[ \t]+import|import[ \t]+django)\b",
                            re.MULTILINE)
_OTHER_ORMS = ("sqlalchemy", "flask_sqlalchemy", "mongoengine", "peewee", "pony", "tortoise",
               "sqlmodel", "odmantic", "beanie")
_OTHER_ORM = re.compile(rf"^[ \t]*(from|import)[ \t]+({'|'.join(_OTHER_ORMS)})\b", re.MULTILINE)
# the manager call is found by its literal part first: a pattern that starts with the model's
# name would be tried at every position of the file
_MANAGER_CALL = re.compile(r"objects\s*\.\s*(all|filter|exclude|get|create"
                           r"|select_related|prefetch_related|order_by|annotate|bulk_create"
                           r"|bulk_update|update_or_create|get_or_create|using|values)\s*\(")
_MODEL_BEFORE = re.compile(r"\b[A-Z]\w*\s*\.\s*$")

CHAIN = frozenset({"all", "filter", "exclude", "order_by", "annotate", "alias", "using",
                   "distinct", "only", "defer", "select_for_update", "reverse", "none",
                   "select_related", "prefetch_related", "iterator", "union", "intersection",
                   "difference", "extra", "complex_filter"})
"""Queryset methods that return a queryset (or, ``iterator``, its rows one by one)."""
VALUES = frozenset({"values", "values_list"})
"""Queryset methods whose rows are dicts or tuples, not model instances."""
_ORM_ONLY = frozenset({"exclude", "select_related", "prefetch_related", "annotate", "alias",
                       "select_for_update", "only", "defer", "values_list"})
"""Method names that, in a Django module, only a queryset or a manager has."""
_QS_CALLS = frozenset({"get_queryset", "filter_queryset"})
_QS_NAME = re.compile(r"^(qs|queryset|\w+_(qs|queryset))$")
_NOT_QS_KINDS = frozenset({"list", "list_comprehension", "tuple", "set", "set_comprehension",
                           "dictionary", "dictionary_comprehension", "generator_expression",
                           "string", "integer", "none", "true", "false"})
_NOT_QS_CALLS = frozenset({"list", "sorted", "tuple", "set", "dict", "filter", "map", "reversed",
                           "chain", "itertools.chain", "zip", "range", "enumerate"})
PREFETCH = ("select_related(", "prefetch_related(", "prefetch_related_objects(",
            "Prefetch(")
"""Calls that load relations up front: their presence in a function means it cares already."""


def is_django_module(root: Node, source: str) -> bool:
    """Whether the file is Django code: it imports django, or it queries a model manager
    (``Order.objects.filter(...)``) and imports no other ORM (SQLAlchemy, MongoEngine, ...)."""
    answer: bool = root.remember(is_django_module, lambda: _is_django(source))
    return answer


def _is_django(source: str) -> bool:
    # each pattern runs only where its words occur: these regexes cost more than the rules
    if any(orm in source for orm in _OTHER_ORMS) and _OTHER_ORM.search(source):
        return False
    if "django" in source and _DJANGO_IMPORT.search(source):
        return True
    return any(_MODEL_BEFORE.search(source, max(0, call.start() - 80), call.start())
               for call in _MANAGER_CALL.finditer(source))


@dataclass(frozen=True, slots=True)
class Queryset:
    """What an expression is known to be: a queryset, with how its rows look and where it
    was built."""

    values: bool
    """Rows are dicts or tuples (``.values()``/``.values_list()``), not model instances."""
    local: bool
    """Built in the function (not a parameter whose caller may have prefetched)."""
    sources: tuple[str, ...]
    """The source texts that build it (the expression and the assignments behind it)."""


def chain_root(expr: Node) -> Node:
    """The innermost object of a call/attribute/subscript chain (``qs`` in ``qs.filter().x``)."""
    node = expr
    while True:
        kind = node.kind()
        if kind == "call":
            nxt = node.field("function")
        elif kind == "attribute":
            nxt = node.field("object")
        elif kind == "subscript":
            nxt = node.field("value")
        elif kind == "parenthesized_expression":
            inner = node.named_children()
            nxt = inner[0] if inner else None
        else:
            return node
        if nxt is None:
            return node
        node = nxt


def queryset(expr: Node, fn: Node | None, depth: int = 0) -> Queryset | None:
    """What ``expr`` is when it is a queryset of ``fn``'s; None when it is not one or unknown.

    A variable is judged by the assignments ``fn`` makes to it before ``expr``.
    """
    kind = expr.kind()
    if kind == "parenthesized_expression":
        inner = expr.named_children()
        return queryset(inner[0], fn, depth) if inner else None
    if kind == "subscript":
        value = expr.field("value")
        return _with(queryset(value, fn, depth), expr) if value is not None else None
    if kind == "call":
        return _call_queryset(expr, fn, depth)
    if kind == "identifier" and fn is not None and depth < 6:
        return _name_queryset(expr.text(), fn, depth, expr.range().start.index)
    return None


def _with(found: Queryset | None, expr: Node, values: bool = False) -> Queryset | None:
    if found is None:
        return None
    return Queryset(found.values or values, found.local, (*found.sources, expr.text()))


def _call_queryset(call: Node, fn: Node | None, depth: int) -> Queryset | None:
    func = call.field("function")
    if func is None:
        return None
    if func.kind() == "identifier":
        return Queryset(False, True, (call.text(),)) if func.text() in _QS_CALLS else None
    if func.kind() != "attribute":
        return None
    method, obj = func.field_text("attribute"), func.field("object")
    if obj is None:
        return None
    if method in _QS_CALLS:
        return Queryset(False, True, (call.text(),))
    if method not in CHAIN and method not in VALUES:
        return None
    if obj.kind() == "attribute" and obj.field_text("attribute") == "objects":
        return Queryset(method in VALUES, True, (call.text(),))
    base = queryset(obj, fn, depth + 1)
    if base is None and (method in _ORM_ONLY or (method == "all" and obj.kind() == "attribute")):
        # a related manager (``order.lines.all()``) or a chain: built here when what it hangs
        # off was fetched here (``order = Order.objects.get(...)``), else the caller may
        # have prefetched it
        base = Queryset(False, _fetched_here(chain_root(obj), fn, call), ())
    return _with(base, call, method in VALUES)


def _fetched_here(root: Node, fn: Node | None, at: Node) -> bool:
    if root.kind() != "identifier" or fn is None:
        return False
    before = at.range().start.index
    return any(".objects" in v.text() for v in py.assignments_to(fn, root.text())
               if v.range().start.index < before)


def _name_queryset(name: str, fn: Node, depth: int, before: int) -> Queryset | None:
    values = [v for v in py.assignments_to(fn, name) if v.range().start.index < before]
    found: list[Queryset] = []
    for value in values:
        if value.kind() in _NOT_QS_KINDS:
            return None
        if value.kind() == "call" and call_name(value) in _NOT_QS_CALLS:
            return None
        if chain_root(value).text() == name:
            continue  # ``qs = qs.filter(...)`` keeps what qs was; the sources still count
        sub = queryset(value, fn, depth + 1)
        if sub is not None:
            found.append(sub)
    own = tuple(v.text() for v in values)
    if found:
        return Queryset(any(q.values for q in found), all(q.local for q in found),
                        tuple(s for q in found for s in q.sources) + own)
    if values and any(chain_root(v).text() != name for v in values):
        return None  # assigned from something else (a function's result, a list)
    if _QS_NAME.match(name) or _annotated_queryset(fn, name):
        return Queryset(False, False, own)
    return None


def _annotated_queryset(fn: Node, name: str) -> bool:
    params = fn.field("parameters")
    if params is None or "QuerySet" not in params.text():
        return False
    for param in params.named_children():
        if param.kind() in ("typed_parameter", "typed_default_parameter"):
            first = param.named_children()[0] if param.named_children() else None
            kind_name = param.field("name") or first
            annotation = param.field("type")
            if (kind_name is not None and kind_name.text() == name and annotation is not None
                    and "QuerySet" in annotation.text()):
                return True
    return False


def prefetches(fn: Node, found: Queryset) -> bool:
    """Whether the queryset, or any code of ``fn``, loads relations up front."""
    texts = (*found.sources, fn.text())
    return any(call in text for text in texts for call in PREFETCH)


def loop_source(loop: Node) -> tuple[Node, set[str]] | None:
    """What a ``for`` loop or comprehension iterates (its first clause) and the names it binds
    per row; ``enumerate(xs)`` is looked through, and its index is left out."""
    if loop.kind() == "for_statement":
        left, right = loop.field("left"), loop.field("right")
    else:
        clauses = [c for c in loop.children() if c.kind() == "for_in_clause"]
        if not clauses:
            return None
        left, right = clauses[0].field("left"), clauses[0].field("right")
    if left is None or right is None:
        return None
    if right.kind() == "call" and call_name(right) == "enumerate":
        args = right.field("arguments")
        items = args.named_children() if args is not None else []
        if not items or left.kind() not in ("pattern_list", "tuple_pattern"):
            return None
        targets = left.named_children()
        if len(targets) != 2 or targets[1].kind() != "identifier":
            return None
        return items[0], {targets[1].text()}
    if left.kind() != "identifier":
        return None
    return right, {left.text()}


def snake(name: str) -> str:
    """``ProductVariant`` -> ``product_variant``."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def model_names(root: Node) -> frozenset[str]:
    """Class names the module imports from a ``models`` module or defines as a model, in
    snake case: an attribute so named is, by Django's convention, a relation to that model."""
    names: frozenset[str] = root.remember(model_names, lambda: _model_names(root))
    return names


def _model_names(root: Node) -> frozenset[str]:
    found: set[str] = set()
    for stmt in root.find_all(kind="import_from_statement"):
        module = stmt.field_text("module_name")
        if not re.search(r"(^|\.)models$", module):
            continue
        for child in stmt.field_children("name"):
            target = child.field("name") if child.kind() == "aliased_import" else child
            text = target.text() if target is not None else ""
            if text[:1].isupper():
                found.add(snake(text.rsplit(".", 1)[-1]))
    for cls in root.find_all(kind="class_definition"):
        bases = cls.field_text("superclasses")
        if "Model" in bases:
            found.add(snake(cls.field_text("name")))
    return frozenset(found)


_RELATION_FIELD = re.compile(r"\b(\w+)\s*=\s*(models\.)?(ForeignKey|OneToOneField|ManyToManyField"
                             r"|ParentalKey|TreeForeignKey|GenericForeignKey)\(")
_PREFETCHED_NAME = re.compile(r"(?:select_related|prefetch_related|Prefetch)\(([^)]*)\)")
_STRING = re.compile(r"[\"']([a-z_][a-z0-9_]*?)(?:__|[\"'])")


def declared_relations(root: Node, source: str) -> frozenset[str]:
    """Attribute names the module shows to be relations: fields it declares as ``ForeignKey``
    (and kin), names it passes to ``select_related``/``prefetch_related``, and ``x`` wherever
    it reads ``x_id``."""
    names: frozenset[str] = root.remember(declared_relations, lambda: _relations(source))
    return names


def _relations(source: str) -> frozenset[str]:
    found = {m.group(1) for m in _RELATION_FIELD.finditer(source)}
    for call in _PREFETCHED_NAME.finditer(source):
        found |= {m.group(1) for m in _STRING.finditer(call.group(1))}
    found |= {m.group(1) for m in re.finditer(r"\.([a-z]\w*?)_id\b", source)}
    return frozenset(found)


def leaves_loop(node: Node, loop: Node) -> bool:
    """Whether ``node`` is part of a ``return`` or ``raise`` inside ``loop``: it runs
    once, on the way out, not once per element."""
    for ancestor in node.ancestors():
        if ancestor == loop:
            return False
        if ancestor.kind() in ("return_statement", "raise_statement"):
            return True
    return False


def per_row_loop(call: Node) -> Node | None:
    """The loop that runs ``call`` once per element: its innermost iteration loop, unless
    that is a ``while``, a retry loop or a loop over literals, or ``call`` leaves it."""
    loops = py.iteration_loops(call)
    if not loops:
        return None
    loop = loops[0]
    if loop.kind() == "while_statement" or py.is_retry_loop(loop) or py.iterates_literal(loop):
        return None
    return None if leaves_loop(call, loop) else loop
