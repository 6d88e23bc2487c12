"""A Django write (``save``/``delete`` of a row, ``objects.create``/``update_or_create``, a
filtered ``update``/``delete``) run once per element of a ``for`` loop or comprehension.

``obj.save()`` counts where ``obj`` is the loop's row or an instance the loop body builds
(``Model(...)``, ``Model.objects.get(...)``); ``obj.delete()`` where the loop walks a
queryset; manager and queryset writes where their arguments change with the row. Forms and
serializers (``form.save()``), saves with a positional argument (``image.save(path)``),
``while`` loops (pagination, retries) and loops over literal collections are left alone.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.rules.facts.python import django as dj
from perfaudit.syntax.node import Node

_NOT_MODEL = re.compile(r"(?i)(form|serializer|session|cache|storage|file|image|img|doc|wb"
                        r"|workbook|client|writer|fig|plot)")
_MANAGER_WRITES = frozenset({"create", "update_or_create", "get_or_create"})
_FETCHES = (".objects.get(", ".objects.create(", ".objects.get_or_create(")
_ROW_HOOKS = frozenset({"snapshot", "full_clean", "clean", "clean_fields", "validate_unique"})
"""Row methods run before a save that say the row goes through model-level machinery
(validation, change logging) that a bulk write skips."""
_PER_ROW_COMMENT = re.compile(r"(?i)signal|per[- ]instance|per[- ]object|individual|one by one"
                              r"|each (instance|object)|(save|delete)\(\)|bulk")
"""A comment in the loop saying the per-row write is deliberate (or bulk is not possible)."""


def _positional_args(call: Node) -> list[Node]:
    args = call.field("arguments")
    if args is None:
        return []
    return [a for a in args.named_children()
            if a.kind() not in ("keyword_argument", "comment", "dictionary_splat")]


def _built_in_loop(name: str, loop: Node, fn: Node) -> bool:
    """``name = Model(...)`` or ``name = Model.objects.get(...)`` inside ``loop``."""
    for value in py.assignments_to(fn, name):
        if not py.within(value, loop):
            continue
        callee = common.call_name(value) if value.kind() == "call" else ""
        text = "".join(value.text().split())
        if callee[:1].isupper() and "." not in callee:
            return True
        if any(fetch in text for fetch in _FETCHES):
            return True
    return False


def _instance_write(call: Node, method: str, receiver: Node, loop: Node, fn: Node) -> bool:
    name = receiver.text()
    if _NOT_MODEL.search(name) or _positional_args(call):
        return False
    source = dj.loop_source(loop)
    if source is not None and name in source[1]:
        if method == "save":
            return True
        return dj.queryset(source[0], fn) is not None  # rows of a queryset: one DELETE each
    return method == "save" and _built_in_loop(name, loop, fn)


def _deliberate(loop: Node, rows: set[str]) -> bool:
    """Whether the loop says it needs per-row writes: a comment, or a validation or
    change-log hook called on the row."""
    if any(_PER_ROW_COMMENT.search(c.text()) for c in loop.find_all(kind="comment")):
        return True
    for call in loop.find_all(kind="call"):
        func = call.field("function")
        obj = func.field("object") if func is not None and func.kind() == "attribute" else None
        if obj is not None and obj.text() in rows and func is not None \
                and func.field_text("attribute") in _ROW_HOOKS:
            return True
    return False


def _varies(node: Node, loop: Node) -> bool:
    return bool(py.names_in(node) & (py.changed_names(loop) | py.loop_targets(loop)))


def _manager_write(call: Node, method: str, receiver: Node, loop: Node, fn: Node) -> bool:
    args = call.field("arguments")
    if method in _MANAGER_WRITES:
        if not receiver.text().replace(" ", "").endswith(".objects") \
                and (dj.queryset(receiver, fn) is None or ".objects" not in receiver.text()):
            return False
        return args is not None and _varies(args, loop)
    # ``Model.objects.filter(pk=row.pk).update(...)`` / ``.delete()``
    found = dj.queryset(receiver, fn)
    if found is None or ".objects" not in " ".join(found.sources):
        return False
    return _varies(receiver, loop)


def check(match: Match) -> bool:
    """Whether a model write runs once per element of a loop that a bulk operation could replace."""
    call = match.node
    func = call.field("function")
    receiver = func.field("object") if func is not None else None
    if func is None or receiver is None:
        return False
    method = func.field_text("attribute")
    loop = dj.per_row_loop(call)
    fn = py.function_of(call)
    if loop is None or fn is None:
        return False
    source = dj.loop_source(loop)
    rows = source[1] if source is not None else set()
    if method in ("save", "delete") and receiver.kind() == "identifier":
        rows = rows | {receiver.text()}
    if _deliberate(loop, rows):
        return False
    if not dj.is_django_module(match.root, match.source):
        return False
    if method in ("save", "delete") and receiver.kind() == "identifier":
        return _instance_write(call, method, receiver, loop, fn)
    if method in ("save",):
        return False
    return _manager_write(call, method, receiver, loop, fn)
