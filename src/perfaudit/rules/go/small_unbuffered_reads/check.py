"""Flag 1-8 byte reads on an unbuffered file or connection, and ``binary.Read`` on a file, in a loop."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax.node import Node

_UNBUFFERED_TYPES = ("*os.File", "net.Conn", "*net.TCPConn", "*net.UnixConn", "*net.UDPConn")
_UNBUFFERED_CTORS = ("os.Open(", "os.OpenFile(", "os.Create(", "net.Dial(", "net.DialTimeout(",
                     "net.DialTCP(", "net.DialUnix(", "tls.Dial(", "os.NewFile(")
_FILE_CTORS = ("os.Open(", "os.OpenFile(", "os.NewFile(")
_STD_FILES = ("os.Stdin",)
_SMALL = 8


def _unbuffered(node: Node, source: Node, files_only: bool = False) -> bool:
    if source.text() in _STD_FILES:
        return True
    if source.kind() != "identifier":
        return False
    decl = goscope.find_declaration(node, source.text())
    if decl is None:
        return False
    type_text = (goscope.declared_type(decl) or "").replace(" ", "")
    value = goscope.declared_value(decl, source.text())
    text = value.text().replace(" ", "") if value is not None else ""
    if files_only:
        return type_text == "*os.File" or text.startswith(_FILE_CTORS)
    if type_text in _UNBUFFERED_TYPES:
        return True
    return text.startswith(_UNBUFFERED_CTORS) or text.endswith(".Accept()")


def _small_buffer(node: Node, buf: Node) -> bool:
    text = buf.text().replace(" ", "")
    name = text[:-3] if text.endswith("[:]") else text
    decl = goscope.find_declaration(node, name) if name.isidentifier() else None
    if decl is None:
        return False
    value = goscope.declared_value(decl, name)
    declared = (goscope.declared_type(decl) or "") + (value.text() if value is not None else "")
    declared = declared.replace(" ", "")
    for prefix, end in (("make([]byte,", ")"), ("[", "]byte")):
        if declared.startswith(prefix) and end in declared:
            size = declared[len(prefix):declared.index(end, len(prefix))]
            return size.isdigit() and 0 < int(size) <= _SMALL
    return False


def check(match: Match) -> bool:
    """Source is a file/conn without bufio; reads are tiny (or binary.Read on it)."""
    call = match.node
    callee, args = common.call_name(call), gocode.call_args(call)
    if callee == "binary.Read":
        # one binary.Read per message on a socket is one read either way; files stream
        return len(args) == 3 and _unbuffered(call, args[0], files_only=True)
    if callee in ("io.ReadFull", "io.ReadAtLeast"):
        return len(args) >= 2 and _unbuffered(call, args[0]) and _small_buffer(call, args[1])
    fn = call.field("function")
    if not callee.endswith(".Read") or fn is None or fn.kind() != "selector_expression":
        return False
    operand = fn.field("operand")
    return (len(args) == 1 and operand is not None and _unbuffered(call, operand)
            and _small_buffer(call, args[0]))
