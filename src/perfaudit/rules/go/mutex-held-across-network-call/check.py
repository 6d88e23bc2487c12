"""Flag ``mu.Lock()`` when a network round trip runs before the unlock."""

from __future__ import annotations

import re

from perfaudit.rules.golife import callee, calls_under_lock, is_test_support_path
from perfaudit.rules.helpers import enclosing_function_node
from perfaudit.rules.match import Match

NETWORK = re.compile(
    r"^(http\.(Get|Post|PostForm|Head)|net\.(Dial\w*|Listen\w*|Lookup\w*)|tls\.Dial\w*"
    r"|(\w+\.)*\w*([cC]lient)\.(Do|Get|Post|PostForm|Head)"
    r"|http\.DefaultClient\.\w+|(\w+\.)*\w*([cC]onn)\.(Write|Read)|(\w+\.)*\w*[cC]lient\.Invoke)$"
)


# Mutexes named for one job (``writeMu``, ``compactMtx``, ``fileLock``) exist to serialise that
# I/O; holding them across it is their purpose, not a contention bug.
DEDICATED = re.compile(
    r"(?i)^(c|w|\w*(write|writer|file|flush|compact|compaction|snapshot|wal|save|persist|reload|dial"
    r"|disk|exec|cmd|git|checkpoint|segment|chunk|run|build|load|init|start|stop|close|shutdown|conn"
    r"|send|recv|stream|log|io|update|refresh|fetch|sync|once))_?(mu|mtx|lock|mutex)$"
)


def _dedicated(lock_callee: str) -> bool:
    parts = lock_callee.split(".")
    return len(parts) >= 2 and bool(DEDICATED.match(parts[-2]))


# A method named for the I/O it performs (``Save``, ``PersistState``, ``Refresh``) holds the
# lock to serialise that operation by design; the finding is about locks held by methods
# whose job is something else (``Get``, ``Token``, ``Lookup``) that happen to do I/O.
_IO_METHOD = re.compile(
    r"^(persist|write|save|refresh|read|load|reload|flush|sync|put|store|commit|close|unlock|lock|delete"
    r"|remove|open|dump|snapshot|checkpoint|compact|backup|restore|export|import|upload|download|rotate"
    r"|truncate|clean|cleanup|gc|init|start|stop|shutdown|reset|apply)",
    re.IGNORECASE,
)


def _serialises_its_own_io(node: object) -> bool:
    fn = enclosing_function_node(node)
    name = fn.field("name") if fn is not None else None
    return name is not None and bool(_IO_METHOD.match(name.text()))


def check(match: Match) -> bool:
    if _dedicated(callee(match.node)) or is_test_support_path(match.path):
        return False
    if _serialises_its_own_io(match.node):
        return False
    return any(NETWORK.match(callee(c)) for c in calls_under_lock(match.node))
