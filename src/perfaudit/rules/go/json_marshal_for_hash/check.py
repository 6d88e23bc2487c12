"""Flag ``data, _ := json.Marshal(v)`` whose only uses feed a hash."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_HASH_CTORS = ("sha256.New", "sha1.New", "sha512.New", "md5.New", "fnv.New", "xxhash.New",
               "crc32.New", "crc64.New", "blake2b.New", "maphash.")
_HASH_TYPES = ("hash.Hash", "hash.Hash32", "hash.Hash64", "*maphash.Hash", "maphash.Hash")
_SUM_FUNCS = ("sha256.Sum256", "sha256.Sum224", "sha1.Sum", "md5.Sum", "sha512.Sum512",
              "xxhash.Sum64", "crc32.ChecksumIEEE", "crc32.Checksum", "crc64.Checksum")


def _is_hasher(node: Node, receiver: Node) -> bool:
    if receiver.kind() != "identifier":
        return False
    decl = goscope.find_declaration(node, receiver.text())
    if decl is None:
        return False
    if (goscope.declared_type(decl) or "").replace(" ", "") in _HASH_TYPES:
        return True
    value = goscope.declared_value(decl, receiver.text())
    return value is not None and value.text().replace(" ", "").startswith(_HASH_CTORS)


def _sink(use: Node) -> str | None:
    """``write`` for ``h.Write(d)`` on a hasher, ``sum`` for ``sha256.Sum256(d)``, else None."""
    args = use.parent()
    call = args.parent() if args is not None and args.kind() == "argument_list" else None
    if call is None or call.kind() != "call_expression":
        return None
    callee = common.call_name(call)
    if callee in _SUM_FUNCS:
        return "sum"
    fn = call.field("function")
    if fn is not None and fn.kind() == "selector_expression" and callee.endswith(".Write"):
        operand = fn.field("operand")
        return "write" if operand is not None and _is_hasher(call, operand) else None
    return None


def _hashed_marshals(fn: Node) -> int:
    return sum(1 for c in fn.find_all(kind="call_expression")
               if common.call_name(c) == "json.Marshal" and _only_hashed(c, fn))


def _assigned_target(marshal: Node) -> Node | None:
    """The first name on the left of the statement that assigns ``marshal``'s result."""
    args = marshal.parent()
    stmt = args.parent() if args is not None else None
    left = stmt.field("left") if stmt is not None else None
    named = left.named_children() if left is not None else []
    return named[0] if named else None


def _only_hashed(marshal: Node, fn: Node) -> set[str | None]:
    name = goscope.first_assigned_name(marshal)
    if name is None or goscope.assignments_to(fn, name):
        return set()
    target = _assigned_target(marshal)
    if target is None:
        return set()
    kinds = {_sink(u) for u in common.identifiers_named(fn, name) if u != target}
    return kinds if kinds and None not in kinds else set()


def check(match: Match) -> bool:
    """Only hash sinks; a streaming hasher always, one-shot Sum functions when repeated."""
    marshal = match.node
    fn = functions.innermost_function(marshal, Language.GO)
    if fn is None:
        return False
    kinds = _only_hashed(marshal, fn)
    if "write" in kinds:
        return True
    return bool(kinds) and (bool(goscope.enclosing_loops(marshal)) or _hashed_marshals(fn) >= 2)
