"""Flag ``strings.Split`` whose result is only indexed at 0 or 1 (and its length tested).

The fields after the second are never read, so a ``Cut`` at the first separator gives the
same answer without a slice. A result that is ranged over, sliced, passed on, indexed by a
variable or compared with a count above two needs the whole split and is left alone.
"""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_SPLITS = frozenset({"strings.Split", "bytes.Split"})
_LEADING = frozenset({"0", "1"})
_SMALL_COUNTS = frozenset({"0", "1", "2"})


def _leading_index(use: Node) -> bool:
    """``x[0]`` or ``x[1]`` with ``use`` as the operand."""
    parent = use.parent()
    if parent is None or parent.kind() != "index_expression" or parent.field("operand") != use:
        return False
    index = parent.field("index")
    return index is not None and index.text() in _LEADING


def _small_count(use: Node) -> bool:
    """``len(x)`` compared with a literal count of at most two."""
    args = use.parent()
    call = args.parent() if args is not None else None
    if call is None or call.kind() != "call_expression" or common.call_name(call) != "len":
        return False
    comparison = call.parent()
    if comparison is None or comparison.kind() != "binary_expression":
        return False
    other = comparison.field("right") if comparison.field("left") == call else comparison.field("left")
    return other is not None and other.text() in _SMALL_COUNTS


def _declared_name(call: Node) -> tuple[Node, str] | None:
    """The ``parts := strings.Split(...)`` declaration and its single name."""
    values = call.parent()
    stmt = values.parent() if values is not None else None
    if stmt is None or stmt.kind() != "short_var_declaration":
        return None
    left, right = stmt.field("left"), stmt.field("right")
    if left is None or right is None or right.named_children() != [call]:
        return None
    names = left.named_children()
    if len(names) != 1 or names[0].kind() != "identifier" or names[0].text() == "_":
        return None
    return stmt, names[0].text()


def _only_leading_fields(call: Node) -> bool:
    bound = _declared_name(call)
    fn = functions.innermost_function(call, Language.GO)
    if bound is None or fn is None:
        return False
    stmt, name = bound
    if goscope.address_taken(fn, name) or goscope.assignments_to(fn, name):
        return False
    uses = [u for u in common.identifiers_named(fn, name)
            if not common.is_within(u, stmt) and goscope.find_declaration(u, name) == stmt]
    return (any(_leading_index(u) for u in uses)
            and all(_leading_index(u) or _small_count(u) for u in uses))


def check(match: Match) -> bool:
    """A split whose only reads are ``[0]``, ``[1]`` and ``len(...)`` against 0, 1 or 2."""
    call = match.node
    if common.call_name(call) not in _SPLITS:
        return False
    args = gocode.call_args(call)
    if len(args) != 2 or args[1].text() in ('""', "``"):
        return False
    if _leading_index(call):
        return True
    return _only_leading_fields(call)
