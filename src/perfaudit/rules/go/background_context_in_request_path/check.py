"""``context.Background()`` where the function already holds a request or caller context."""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go.lifetimes import comment_above, go_parameters, is_test_support_path, runs_later
from perfaudit.syntax.functions import enclosing_function_node
from perfaudit.syntax.node import Node

_REQUEST_TYPES = ("context.Context", "*http.Request")
_INTENT = re.compile(r"(?i)background|outlive|detach|independent|cancel|shutdown|cleanup")
# ``log.FromContext(ctx)``, ``slog.InfoContext``, ``s.reqLogger.With``: the context only feeds a
# logger, so no work outlives the request; not ``catalog`` or ``Login``
_LOGGER_SEGMENT = re.compile(
    r"(?i)^(log|logs|logger|loggers|logr|logrus|slog|klog|glog|zlog|zap|zerolog|lg)$")
_LOGGER_WORD = re.compile(r"Log(ger|r)?(?![a-z])")


def _is_logger_call(name: str) -> bool:
    return any(_LOGGER_SEGMENT.match(part) or _LOGGER_WORD.search(part) for part in name.split("."))


def _ignored_by_callee(call: Node, arg: Node, root: Node) -> bool:
    """The argument lands in a ``_ context.Context`` parameter of a function in this file."""
    name = common.call_name(call).rsplit(".", 1)[-1]
    args = call.field("arguments")
    position = args.named_children().index(arg) if args is not None else -1
    for kind in ("function_declaration", "method_declaration"):
        for fn in root.find_all(kind=kind):
            params = go_parameters(fn) if fn.field_text("name") == name else []
            if 0 <= position < len(params) and params[position] == ("_", "context.Context"):
                return True
    return False


def _only_feeds_a_logger_or_nothing(node: Node, root: Node) -> bool:
    """Whether the context goes straight into a logger call or an ignored parameter."""
    parent = node.parent()
    call = parent.parent() if parent is not None and parent.kind() == "argument_list" else None
    if call is None or call.kind() != "call_expression":
        return False
    return _is_logger_call(common.call_name(call)) or _ignored_by_callee(call, node, root)


def check(match: Match) -> bool:
    node = match.node
    fn = enclosing_function_node(node)
    if fn is None or runs_later(node) or is_test_support_path(match.path):
        return False
    if _INTENT.search(comment_above(node, match.source)):
        return False  # the comment says why the caller's context is not used
    if _only_feeds_a_logger_or_nothing(node, match.root):
        return False  # a logger, or a callee here that ignores its context: nothing to cancel
    parent = node.parent()
    outer = parent.parent() if parent is not None else None
    if outer is not None and outer.kind() == "call_expression" \
            and common.call_name(outer).startswith("context.WithCancel"):
        return False  # a fresh root with its own lifecycle, created on purpose
    return any(kind in _REQUEST_TYPES and name != "_" for name, kind in go_parameters(fn))
