"""``url.Parse(u.String())`` (directly, or through a local holding ``u.String()``) where
``u`` is visibly a ``*url.URL``: a request's ``.URL``, a name declared as ``url.URL`` or
parsed by ``url.Parse``, or a struct field this file declares as one. A ``String()`` of a
builder or buffer (a URL being assembled from a template) is not a copy and is left alone,
and so are clones made once in constructors (``New…``) and ``main``/``init``.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_SETUP_NAME = re.compile(r"^(New|new|init|Init|setup|Setup)([A-Z_]|$)")
_PARSERS = frozenset({"url.Parse", "url.ParseRequestURI"})
_URL_TYPE = re.compile(r"^\*?url\.URL$")
_URL_VALUE = re.compile(r"^(url\.(Parse|ParseRequestURI)\(|&url\.URL\{|url\.URL\{)|"
                        r"\.(ResolveReference|JoinPath)\(|\.URL$")


def _url_field_types(root: Node) -> frozenset[str]:
    """Names of struct fields this file declares as ``url.URL`` or ``*url.URL``."""
    def collect() -> frozenset[str]:
        names: set[str] = set()
        for field in root.find_all(kind="field_declaration"):
            kind = field.field("type")
            if kind is not None and _URL_TYPE.match(kind.text().replace(" ", "")):
                names.update(n.text() for n in field.field_children("name"))
        return frozenset(names)
    found: frozenset[str] = root.remember(_url_field_types, collect)
    return found


def _is_url(expr: Node, root: Node) -> bool:
    """Whether ``expr`` is visibly a parsed URL value."""
    if expr.kind() == "selector_expression":
        field = expr.field("field")
        name = field.text() if field is not None else ""
        return name == "URL" or name in _url_field_types(root)
    if expr.kind() == "parenthesized_expression":
        inner = expr.named_children()
        return len(inner) == 1 and _is_url(inner[0], root)
    if expr.kind() != "identifier":
        return False
    decl = goscope.find_declaration(expr, expr.text())
    if decl is None:
        return False
    if _URL_TYPE.match((goscope.declared_type(decl) or "").replace(" ", "")):
        return True
    value = goscope.declared_value(decl, expr.text())
    return value is not None and value != expr and bool(_URL_VALUE.search(value.text().replace(" ", "")))


def _stringified_url(expr: Node, root: Node) -> bool:
    """``u.String()`` with ``u`` a URL."""
    if expr.kind() != "call_expression" or gocode.call_args(expr):
        return False
    function = expr.field("function")
    if function is None or function.kind() != "selector_expression":
        return False
    field, operand = function.field("field"), function.field("operand")
    return (field is not None and field.text() == "String"
            and operand is not None and _is_url(operand, root))


def _holds_stringified_url(name: Node, root: Node) -> bool:
    """A local ``s := u.String()`` never reassigned before the parse."""
    decl = goscope.find_declaration(name, name.text())
    if decl is None or not goscope.is_local(decl):
        return False
    value = goscope.declared_value(decl, name.text())
    fn = functions.innermost_function(decl, Language.GO)
    if value is None or fn is None or goscope.assignments_to(fn, name.text()):
        return False
    return _stringified_url(value, root)


def check(match: Match) -> bool:
    """A URL re-parsed from its own ``String()``."""
    call = match.node
    if common.call_name(call) not in _PARSERS:
        return False
    args = gocode.call_args(call)
    fn = functions.innermost_function(call, Language.GO)
    if len(args) != 1 or fn is None or common.is_startup(fn, Language.GO):
        return False
    if fn.kind() != "func_literal" and _SETUP_NAME.match(fn.field_text("name")):
        return False  # cloned once, when the client is built
    arg = args[0]
    if arg.kind() == "identifier":
        return _holds_stringified_url(arg, match.root)
    return _stringified_url(arg, match.root)
