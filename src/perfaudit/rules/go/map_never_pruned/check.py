"""A mutex-guarded struct's map field that methods add to but nothing in the file ever prunes.

Requires (same file): the struct declaration with the field typed as a map and a
``sync.Mutex``/``sync.RWMutex`` (a sign the value is long-lived and shared); no
``delete(x.field, ...)``, ``clear(x.field)`` or whole-map reassignment ``x.field = ...``
anywhere, nor a ``len(x.field) < cap`` guard; a field name that says its keys come from
traffic (``sessions``, ``cache``, ``seen``, ``conns``...); and a method that is not a
constructor, registration or (re)load step.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go.lifetimes import go_receiver_name, is_test_support_path
from perfaudit.syntax.functions import enclosing_function_node
from perfaudit.syntax.node import Node

_SETUP = re.compile(
    r"(?i)^(new|init|register|must|setup|set_?up|configure|build|parse|load|reload|use|add\w*handler|with)"
)
# Names of maps whose keys come from traffic (requests, peers, sessions), not from code or config.
_DYNAMIC = re.compile(
    r"(?i)(cache|seen|sessions?|conns?|connections|clients?|peers?|pending|inflight|requests?|users?"
    r"|tokens?|visited|hits|notes|history|results|entries|records|events|ips|addrs?|hosts?|ids)$"
)
_MUTEX = re.compile(r"\bsync\.(RW)?Mutex\b")


def _struct_of(root: Node, type_name: str) -> Node | None:
    for spec in root.find_all(kind="type_spec"):
        name = spec.field("name")
        body = spec.field("type")
        if name is not None and name.text() == type_name and body is not None \
                and body.kind() == "struct_type":
            return body
    return None


def _map_field(struct: Node, field: str) -> bool:
    for decl in struct.find_all(kind="field_declaration"):
        names = [n.text() for n in decl.named_children() if n.kind() == "field_identifier"]
        type_node = decl.field("type")
        if field in names and type_node is not None and type_node.kind() == "map_type":
            return True
    return False


def _pruned(source: str, field: str) -> bool:
    """Deleted, cleared, replaced, or kept under a size cap (``len(x.field) < max``)."""
    f = re.escape(field)
    return bool(re.search(rf"\b(delete|clear)\(\s*[\w.]*\b{f}\s*[,)]", source)
                or re.search(rf"len\(\s*[\w.]*\b{f}\s*\)\s*[<>]", source)
                or re.search(rf"\.{f}\s*=[^=]", source)
                or re.search(rf"\.{f}\s*,[^=]*=[^=]", source))


def check(match: Match) -> bool:
    if is_test_support_path(match.path):
        return False
    right = match.node.field("right")
    if right is not None and re.match(r"(make\(|map\[)", right.text()):
        return False  # allocating a nested bucket; its own growth is counted where it is filled
    lefts = match.node.field("left")
    left = lefts.named_children()[0] if lefts is not None and lefts.named_children() else None
    target = left.field("operand") if left is not None else None
    if target is None or target.kind() != "selector_expression":
        return False
    owner, field = target.field("operand"), target.field("field")
    method = enclosing_function_node(match.node)
    if method is None or method.kind() != "method_declaration" or owner is None or field is None:
        return False
    if not _DYNAMIC.search(field.text()):
        return False
    if owner.text() != go_receiver_name(method) or _SETUP.match(method.field_text("name")):
        return False
    receiver = method.field("receiver")
    params = receiver.named_children() if receiver is not None else []
    receiver_type = params[0].field_text("type") if params else ""
    type_name = re.sub(r"\[.*", "", receiver_type.lstrip("*"))
    struct = _struct_of(match.root, type_name)
    if struct is None or not _MUTEX.search(struct.text()) or not _map_field(struct, field.text()):
        return False
    return not _pruned(match.source, field.text())
