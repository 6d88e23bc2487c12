"""A query on a model manager (``Model.objects...``) evaluated once per element of a ``for``
loop or comprehension, with arguments that change from one element to the next.

Only evaluating calls count (``get``, ``first``, ``exists``, ``count``, ...): a ``filter``
built in a loop and combined into one query later costs nothing per element. ``while``
loops (pagination, polling), retry loops and loops over literal collections are left alone.
"""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py
from perfaudit.rules.facts.python import django as dj
from perfaudit.syntax.node import Node


def _on_manager(receiver: Node, fn: Node) -> bool:
    """``Model.objects`` itself, or a queryset chain built on one."""
    if receiver.kind() == "attribute" and receiver.field_text("attribute") == "objects":
        return True
    found = dj.queryset(receiver, fn)
    return found is not None and any(".objects" in s for s in found.sources)


def check(match: Match) -> bool:
    """Whether an evaluating queryset call runs once per element with arguments from the loop."""
    call = match.node
    func = call.field("function")
    receiver = func.field("object") if func is not None else None
    fn = py.function_of(call)
    loop = dj.per_row_loop(call)
    if receiver is None or fn is None or loop is None:
        return False
    if not dj.is_django_module(match.root, match.source) or not _on_manager(receiver, fn):
        return False
    varying = py.changed_names(loop) | py.loop_targets(loop)
    if _model_of(receiver) in varying:
        return False  # ``model.objects.count()`` per model: a different table each time
    return bool(py.names_in(call) & varying)


def _model_of(receiver: Node) -> str:
    """``model`` in ``model.objects.filter(...)``: the name the manager hangs off."""
    text = "".join(receiver.text().split())
    head, found, _ = text.partition(".objects")
    return head if found else ""
