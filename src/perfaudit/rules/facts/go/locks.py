"""Shared facts for the mutex rules: which calls are network or blocking I/O, which locks and
methods exist to serialise I/O (pure)."""

from __future__ import annotations

import re

from perfaudit.rules.facts.common import call_name
from perfaudit.rules.facts.go.lifetimes import calls_under_lock, is_test_support_path
from perfaudit.syntax.functions import enclosing_function_node
from perfaudit.syntax.node import Node

NETWORK = re.compile(
    r"^(http\.(Get|Post|PostForm|Head)|net\.(Dial\w*|Listen\w*|Lookup\w*)|tls\.Dial\w*"
    r"|(\w+\.)*\w*([cC]lient)\.(Do|Get|Post|PostForm|Head)"
    r"|http\.DefaultClient\.\w+|(\w+\.)*\w*([cC]onn)\.(Write|Read)|(\w+\.)*\w*[cC]lient\.Invoke)$"
)
IO = re.compile(
    r"^(os\.(Open|OpenFile|Create|CreateTemp|ReadFile|WriteFile|Remove|RemoveAll|Rename|Mkdir"
    r"|MkdirAll|MkdirTemp|ReadDir|Truncate|Symlink|Link|Chmod|Chown)"
    r"|ioutil\.(ReadFile|WriteFile|ReadDir|TempFile|TempDir)"
    r"|io\.(Copy|CopyN|CopyBuffer)|filepath\.(Walk|WalkDir)|fs\.WalkDir"
    r"|exec\.(Command|CommandContext)"
    r"|(\w+\.)*\w*([dD][bB]|[tT]x|[sS]tmt)\.(Query|QueryContext|QueryRow|QueryRowContext|Exec"
    r"|ExecContext|Begin|BeginTx|Prepare|PrepareContext))$"
)


# Mutexes named for one job (``writeMu``, ``compactMtx``, ``fileLock``) exist to serialise that
# I/O; holding them across it is their purpose, not a contention bug.
DEDICATED = re.compile(
    r"(?i)^(c|w|\w*(write|writer|file|flush|compact|compaction|snapshot|wal|save|persist|reload|dial"
    r"|disk|exec|cmd|git|checkpoint|segment|chunk|run|build|load|init|start|stop|close|shutdown|conn"
    r"|send|recv|stream|log|io|update|refresh|fetch|sync|once))_?(mu|mtx|lock|mutex)$"
)


def dedicated_lock(lock_callee: str) -> bool:
    """Whether the mutex is named for one job (``writeMu``), which it exists to serialise."""
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


def serialises_its_own_io(node: Node) -> bool:
    """Whether the enclosing method is named for the I/O it performs (``Save``, ``Refresh``)."""
    fn = enclosing_function_node(node)
    name = fn.field("name") if fn is not None else None
    return name is not None and bool(_IO_METHOD.match(name.text()))


def held_calls(lock_call: Node, path: str) -> list[str] | None:
    """Callee names run while ``lock_call``'s mutex is held, or None when the rule should not look.

    None for dedicated locks, test-support files and methods named for the I/O they do.
    """
    if dedicated_lock(call_name(lock_call)) or is_test_support_path(path):
        return None
    if serialises_its_own_io(lock_call):
        return None
    return [call_name(c) for c in calls_under_lock(lock_call)]
