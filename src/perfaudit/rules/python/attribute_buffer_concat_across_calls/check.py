"""``self.X += piece`` in a method, where the class starts ``self.X`` as empty bytes or str
(or as ``None`` declared ``Optional[bytes]``).

Each call copies the whole buffer (no in-place resize for attributes or ``bytes``). Left
alone: an append inside a loop (``string-concat-in-loop`` reports that), an append in
``__init__``, numbers, and a buffer the class also trims (``self.X = self.X[n:]``, ``del``),
since a consumed buffer stays as small as one unparsed message.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node

_EMPTY = re.compile(r"""^(?:[bB]?(?:""|'')|bytes\(\)|str\(\))$""")


def _class_of(fn: Node) -> Node | None:
    """The class whose body directly defines ``fn`` (through a decorator, if any)."""
    holder = fn.parent()
    if holder is not None and holder.kind() == "decorated_definition":
        holder = holder.parent()
    body = holder
    owner = body.parent() if body is not None and body.kind() == "block" else None
    return owner if owner is not None and owner.kind() == "class_definition" else None


def _declares_bytes(value: Node) -> bool:
    """``self.X: Optional[bytes] = None`` or ``self.X = None  # type: Optional[bytes]``."""
    stmt = value.parent()
    if stmt is None or value.text() != "None":
        return False
    hint = stmt.field("type")
    if hint is not None:
        return "bytes" in hint.text()
    line = stmt.parent()
    comment = line.next() if line is not None else None
    return (comment is not None and comment.kind() == "comment"
            and comment.range().start.line == stmt.range().start.line
            and comment.text().startswith("# type:") and "bytes" in comment.text())


def _empty_start(cls: Node, target: str) -> bool:
    """Whether the class starts ``self.X`` as empty bytes or str (``b""``, ``""``, ``bytes()``,
    ``str()``), or as ``None`` declared ``Optional[bytes]``."""
    return any(_EMPTY.match(value.text()) or _declares_bytes(value)
               for value in py.assignments_to(cls, target))


def _trimmed(cls: Node, target: str) -> bool:
    """Whether the class consumes the buffer: ``self.X = self.X[n:]``, ``line, self.X =
    self.X.split(...)`` or ``del self.X[:n]``, so it holds one unparsed message at most."""
    for stmt in cls.find_all(kind="assignment"):
        left, right = stmt.field("left"), stmt.field("right")
        if left is None or right is None or not (target + "[" in right.text()
                                                  or target + "." in right.text()):
            continue
        if left.text() == target or (left.kind() in ("pattern_list", "tuple_pattern")
                                     and target in {c.text() for c in left.named_children()}):
            return True
    return any(stmt.text().replace(" ", "").startswith("del" + target + "[")
               for stmt in cls.find_all(kind="delete_statement"))


def check(match: Match) -> bool:
    """Whether a method appends to a bytes/str buffer attribute its class starts empty."""
    node = match.node
    target, value = node.get_match("A"), node.get_match("X")
    if target is None or value is None or value.kind() in ("integer", "float"):
        return False
    fn = py.function_of(node)
    if fn is None or fn.kind() != "function_definition" or fn.field_text("name") == "__init__":
        return False
    cls = _class_of(fn)
    name = "self." + target.text()
    if cls is None or not _empty_start(cls, name) or _trimmed(cls, name):
        return False
    return not py.iteration_loops(node)
