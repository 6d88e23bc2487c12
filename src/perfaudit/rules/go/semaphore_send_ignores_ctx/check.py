"""A blocking semaphore acquire (``sem <- struct{}{}``) in a function that holds a context.

The channel counts as a semaphore when its name says so (``sem``, ``limiter``, ``tokens``,
``slots``...) or when it receives ``struct{}{}`` and the same function releases it with a
deferred ``<-sem``. Done/stop signals (sent once, never received back here) stay silent.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go.lifetimes import go_context_params
from perfaudit.syntax import functions
from perfaudit.syntax.functions import enclosing_function_node
from perfaudit.syntax.node import Node

_WORDS = "sem|semaphore|sema|limiter|limit|throttle|tokens?|slots?|gate|concurrency"
# ``sem``, ``req_sem`` or camel case ``reqSem``; not ``aggregate``.
_SEMAPHORE = re.compile(rf"(^|_)({_WORDS})$|[a-z0-9]({_WORDS.title()})$")
_EMPTY = re.compile(r"^struct\s*\{\s*\}\s*\{\s*\}$")


def _has_ctx(node: Node) -> bool:
    for fn in (functions.innermost_function(node, Language.GO), enclosing_function_node(node)):
        if fn is None:
            continue
        if go_context_params(fn):
            return True
        body = fn.field("body")
        if body is not None and re.search(r"\bctx(,\s*\w+)?\s*:?=", body.text()):
            return True
    return False


def _released(channel: str, node: Node) -> bool:
    """``<-channel`` inside a deferred call of the same function: the release half of a semaphore."""
    fn = enclosing_function_node(node)
    release = re.compile(rf"<-\s*{re.escape(channel)}\b")
    return fn is not None and any(release.search(d.text()) for d in fn.find_all(kind="defer_statement"))


def check(match: Match) -> bool:
    send = match.node
    channel_node, value_node = send.field("channel"), send.field("value")
    if channel_node is None or value_node is None:
        return False
    channel, value = channel_node.text(), value_node.text()
    last = channel.rsplit(".", 1)[-1]
    named = bool(_SEMAPHORE.search(last))
    if not named and not (_EMPTY.match(value) and _released(channel, send)):
        return False
    return _has_ctx(send)
