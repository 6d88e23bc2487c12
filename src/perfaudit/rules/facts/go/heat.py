"""Heat facts of one Go file: its functions, what they call, and how often each may run (pure).

Entry signals are read from signatures and names only: a function that takes an
``http.ResponseWriter`` runs per request, ``main`` once. How often everything else runs is
the heat model's business (``perfaudit.heat``), which joins these summaries.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import cache

import tree_sitter as ts

from perfaudit.heat.summary import MODULE, Call, FileSummary, Function, Span
from perfaudit.model import Language
from perfaudit.rules.facts.sweep import (
    Frame,
    OpenFunction,
    close_before,
    endless,
    events,
    finish,
    open_error_path,
    open_loop,
    small_int,
    text,
)
from perfaudit.syntax.grammars import grammar

_QUERY = """
(function_declaration) @fn
(method_declaration) @fn
(func_literal) @fn
(for_statement) @loop
(go_statement) @go
(call_expression) @call
(keyed_element key: (literal_element (identifier) @tls)
  (#any-of? @tls "GetCertificate" "GetClientCertificate" "VerifyPeerCertificate"
   "VerifyConnection" "GetConfigForClient")) @keyed
(if_statement consequence: (block) @conseq)
"""
_EVENTS = frozenset({"fn", "loop", "go", "call", "keyed", "conseq"})
_PER_REQUEST = re.compile(
    r"http\.ResponseWriter|\*gin\.Context|echo\.Context|\*fiber\.Ctx|\*fasthttp\.RequestCtx")
_INTERCEPTOR = re.compile(r"grpc\.(UnaryHandler|StreamHandler|UnaryInvoker|Streamer)\b")
_STREAM = re.compile(r"\b\w+_\w+Server\b")
_RPC_RECEIVER = re.compile(r"(?i)(server|service|handler)\b")
_CTX_REQUEST = re.compile(r"^\(\s*\w+\s+context\.Context\s*,\s*\w+\s+\*[\w.]+\s*\)$")
_PER_EVENT_METHODS = {
    "ServeHTTP": "HTTP handler (`ServeHTTP`): runs per request",
    "RoundTrip": "HTTP transport (`RoundTrip`): runs per outgoing request",
    "ServeDNS": "DNS handler: runs per query",
    "Pick": "load-balancer picker: runs per RPC",
    "Less": "sort comparison: runs per comparison",
    "Swap": "sort swap: runs per comparison",
    "MarshalJSON": "JSON marshaller: runs per value encoded",
    "UnmarshalJSON": "JSON unmarshaller: runs per value decoded",
}
_IO_METHODS = {"Read", "Write", "ReadFrom", "WriteTo"}
_DEBUG_METHODS = {"String": "debug text (`String()`)", "GoString": "debug text (`GoString()`)",
                  "Format": "debug text (`Format`)", "Error": "debug text: an error message"}
_ONCE_FUNCTIONS = {"main": "`main`: runs once per process", "init": "`init`: runs once at start-up",
                   "TestMain": "test set-up"}
_COLD_NAME = re.compile(
    r"^(New|new|Must|must)([A-Z_]\w*)?$|^(Register|register|Setup|setup|Usage|usage"
    r"|ApplyConfig|applyConfig|UnmarshalYAML|Close|Shutdown|Stop|Validate|validate"
    r"|(Parse|parse|Load|load|Build|build)\w*Config\w*)$")
_CLI_SETUP = re.compile(r"\*cobra\.Command|\*flag\.FlagSet|\*pflag\.FlagSet|\*cli\.Command|"
                        r"\*kingpin\.")
_HANDLER_REGISTRATION = frozenset({"HandleFunc", "Handle", "HandlerFunc", "GET", "POST", "PUT",
                                   "DELETE", "PATCH", "HEAD", "OPTIONS", "Any"})
_HANDSHAKE_KEYS = frozenset({"GetCertificate", "GetClientCertificate", "VerifyPeerCertificate",
                             "VerifyConnection", "GetConfigForClient"})
_SMALL_LIMIT = 16
_ERROR_CHECK = re.compile(r"\berr\w*\s*!=\s*nil\b")
# an endless loop that sleeps or waits on a timer wakes every so often: periodic, not per event
_PERIODIC = re.compile(r"time\.(Sleep|After|Tick|NewTicker|NewTimer)\(|<-\s*[\w.]*\.C\b|\.C:"
                       r"|[Bb]ackoff|[Ii]nterval|[Ww]ait\(")
# one that receives a message, accepts or reads runs once per event; one that does neither
# (pagination, parsing, retries) says nothing about how often its function runs
# a receive whose value is used (``v := <-in``, ``handle(<-in)``) takes a message; one that
# drops it (``case <-reload:``) takes a signal, which says nothing of how often it comes
_RECEIVE = re.compile(r"(?:[=(,]|\breturn)\s*<-\s*(?P<operand>[\w.()\[\]]+)")
_EVENT_CALL = re.compile(r"\.(Accept\w*|Recv\w*|Read\w*|Next\w*|Fetch\w*|Receive\w*|Dequeue"
                         r"|Poll|Pop)\(")
_TIMER = re.compile(r"^time\.(After|Tick)\(|\.C$")
# a receive from a stop or done channel only asks whether to quit
_STOP_SIGNAL = re.compile(r"(?i)(done|stop|quit|clos|shutdown|exit|cancel|term|die)\w*(\(\))?$")
# sql.Scanner and driver.Valuer: database/sql calls them once per column of every row
_PER_ROW = {"Scan": re.compile(r"^\(\w+ (any|interface\{\})\)error$"),
            "Value": re.compile(r"^\(\)\(driver\.Value, ?error\)$")}
_ITERATOR = re.compile(r"(?i)iter(ator)?\)?$")
_ITERATOR_STEPS = frozenset({"Next", "At", "AtFloatHistogram", "AtHistogram", "Seek", "Value",
                             "Key"})
_ONCE = re.compile(r"(?i)once\w*\.Do$|^sync\.Once(Func|Value|Values)$")
_TYPE_PARAMS = re.compile(r"\[.*\]$")
# a package's name is its path's last element less a major version (``yaml.v3``) or ``go-``
_IMPORT_NAME = re.compile(r"^go-|[.-]v\d+$")
_MAJOR = re.compile(r"v\d+")


@cache
def _query() -> ts.Query:
    return ts.Query(grammar(Language.GO), _QUERY)


def summarize(path: str, root: ts.Node, package: str,
              own: Callable[[str], bool] | None = None) -> FileSummary:
    """The heat summary of a parsed Go file.

    ``own`` tells the import paths of the file's own module: a call through an import of
    any other package (the standard library's, a dependency's) can never reach a function of
    the tree, so it is left out, which spares the heat model a quarter of a large module's
    calls. Without ``own`` every call is kept.
    """
    foreign = _foreign_imports(root, own) if own is not None else frozenset()
    _DECLARED.clear()
    module = OpenFunction(node=root, key=MODULE, name=MODULE, short=MODULE, parent="",
                          method=False, hot="", cold="package initialisation: runs once")
    stack: list[Frame] = [(root, "file", module)]
    functions = [module]  # the open functions, innermost last
    done: list[Function] = []
    hot_refs: list[tuple[str, str]] = []
    for node, kind in events(ts.QueryCursor(_query()).captures(root), _EVENTS):
        close_before(node.start_byte, stack, functions, done)
        current = functions[-1]
        if kind == "fn":
            opened = _open(node, current)
            stack.append((node, "fn", opened))
            functions.append(opened)
        elif kind == "loop":
            _loop(node, current)
            open_loop(node, stack, current)
        elif kind == "go":
            stack.append((node, "go", None))
        elif kind == "call":
            call = _call(node, stack, current)
            if call is not None:
                if call.qualifier not in foreign or call.qualifier in _declared(current.node):
                    current.calls.append(call)
                if call.name in _HANDLER_REGISTRATION:
                    _register(node, call.name, current, hot_refs)
        elif kind == "keyed":
            hot_refs.extend(_handshake(node))
        elif kind == "conseq" and node.parent is not None and _is_error_check(node.parent):
            open_error_path(node, stack, current)
    return FileSummary(path=path, package=package, functions=finish(stack, module, done),
                       hot_refs=tuple(hot_refs), main_package=_package_name(root) == "main")


_DECLARED_QUERY = """
(parameter_declaration name: (identifier) @name)
(variadic_parameter_declaration name: (identifier) @name)
(short_var_declaration left: (expression_list (identifier) @name))
(var_spec name: (identifier) @name)
(range_clause left: (expression_list (identifier) @name))
"""


@cache
def _declared_query() -> ts.Query:
    return ts.Query(grammar(Language.GO), _DECLARED_QUERY)


_DECLARED: dict[int, frozenset[str]] = {}
"""Names declared per function node of the file being summarised (node ids are reused
across trees, so :func:`summarize` clears it)."""


def _declared(fn: ts.Node) -> frozenset[str]:
    """The names ``fn`` declares (parameters, variables): one that shadows an import makes
    ``name.M()`` a method call on the variable, which may reach the tree."""
    known = _DECLARED.get(fn.id)
    if known is None:
        captures = ts.QueryCursor(_declared_query()).captures(fn).get("name", [])
        known = _DECLARED[fn.id] = frozenset(text(node) for node in captures)
    return known


def _foreign_imports(root: ts.Node, own: Callable[[str], bool]) -> frozenset[str]:
    """The names the file's imports of other modules' packages go by (not ``.`` or ``_``)."""
    names = []
    for declaration in root.named_children:
        if declaration.type != "import_declaration":
            continue
        for spec in _import_specs(declaration):
            path_node, alias = spec.child_by_field_name("path"), spec.child_by_field_name("name")
            path = text(path_node).strip('"`') if path_node is not None else ""
            if not path or own(path):
                continue
            name = text(alias) if alias is not None else _import_name(path)
            if name not in ("", ".", "_"):
                names.append(name)
    return frozenset(names)


def _import_name(path: str) -> str:
    """The name an unaliased import usually goes by: its path's last element, less a major
    version (``yaml.v3``, ``…/v2``) or a ``go-`` prefix ("" when that is not an identifier)."""
    elements = path.split("/")
    last = elements[-1] if not _MAJOR.fullmatch(elements[-1]) or len(elements) == 1 else elements[-2]
    name = _IMPORT_NAME.sub("", last)
    return name if name.isidentifier() else ""


def _import_specs(declaration: ts.Node) -> list[ts.Node]:
    specs = []
    for child in declaration.named_children:
        if child.type == "import_spec":
            specs.append(child)
        elif child.type == "import_spec_list":
            specs.extend(c for c in child.named_children if c.type == "import_spec")
    return specs


def _package_name(root: ts.Node) -> str:
    clause = next((c for c in root.named_children if c.type == "package_clause"), None)
    name = clause.named_children[0] if clause is not None and clause.named_children else None
    return text(name)


def _call(node: ts.Node, stack: list[Frame],
          current: OpenFunction) -> Call | None:
    callee = node.child_by_field_name("function")
    if callee is None:
        return None
    target = _reference(callee)
    if target is None:
        return None
    top, kind, _opened = stack[-1]
    spawned = kind == "go" and next(
        (c for c in top.named_children if c.type == "call_expression"), None) == node
    # interned: the same few names recur in every file, and pickling shares them
    return Call(name=sys.intern(target[1]), qualifier=sys.intern(target[0]),
                line=node.start_point.row + 1,
                repeated=current.open_loops > 0, spawned=spawned, rare=current.open_rare > 0)


def _is_error_check(statement: ts.Node) -> bool:
    condition = statement.child_by_field_name("condition")
    return condition is not None and _ERROR_CHECK.search(text(condition)) is not None


def _reference(node: ts.Node) -> tuple[str, str] | None:
    """``(qualifier, name)`` of an identifier or ``x.name`` selector; None for other shapes."""
    if node.type == "identifier":
        return "", text(node)
    if node.type == "selector_expression":
        operand, name = node.child_by_field_name("operand"), node.child_by_field_name("field")
        if name is None:
            return None
        qualifier = text(operand) if operand is not None and operand.type == "identifier" else "?"
        return qualifier, text(name)
    return None


def _register(call: ts.Node, method: str, current: OpenFunction,
              hot_refs: list[tuple[str, str]]) -> None:
    """Functions passed to ``HandleFunc``/a router method by name run per request; passing one
    also counts as calling it (later, from elsewhere)."""
    arguments = call.child_by_field_name("arguments")
    for argument in arguments.named_children if arguments is not None else ():
        if argument.type not in ("identifier", "selector_expression"):
            continue
        ref = _reference(argument)
        if ref is None:
            continue
        hot_refs.append((ref[1], f"registered with `{method}`: runs per request"))
        current.calls.append(Call(name=ref[1], qualifier=ref[0],
                                  line=argument.start_point.row + 1, spawned=True))


def _handshake(keyed: ts.Node) -> list[tuple[str, str]]:
    key, value = keyed.child_by_field_name("key"), keyed.child_by_field_name("value")
    if key is None or value is None or text(key) not in _HANDSHAKE_KEYS:
        return []
    inner = value.named_children[0] if value.named_children else value
    name = _reference(inner)
    return [(name[1], f"TLS `{text(key)}` callback: runs per handshake")] if name else []


def _open(node: ts.Node, parent: OpenFunction) -> OpenFunction:
    line = node.start_point.row + 1
    if node.type == "func_literal":
        once = _once(node)
        return OpenFunction(node=node, key=f"{parent.key}.func@{line}",
                     name=f"{parent.name}.func@{line}" if parent.key != MODULE else f"func@{line}",
                     short="", parent=parent.key, method=False, hot=_literal_hot(node),
                     cold=once, never_hot=bool(once))
    name_node = node.child_by_field_name("name")
    short = text(name_node) if name_node is not None else "?"
    receiver = _receiver(node) if node.type == "method_declaration" else ""
    name = f"{receiver}.{short}" if receiver else short
    params = node.child_by_field_name("parameters")
    result = node.child_by_field_name("result")
    signature = (text(params) if params is not None else "",
                 text(result) if result is not None else "")
    cold = _cold(short, receiver, signature)
    return OpenFunction(node=node, key=f"{name}@{line}", name=name, short=short, parent="",
                 method=bool(receiver), hot=_hot(short, receiver, signature), cold=cold,
                 never_hot=bool(receiver) and short in _DEBUG_METHODS)


def _once(literal: ts.Node) -> str:
    """Why a function literal runs once: it is the body of a ``sync.Once`` ("" otherwise)."""
    call = literal.parent.parent if literal.parent is not None else None
    callee = call.child_by_field_name("function") if call is not None else None
    if call is None or call.type != "call_expression" or callee is None:
        return ""
    name = text(callee)
    return f"runs once (`{name}`)" if _ONCE.search(name) else ""


def _literal_hot(node: ts.Node) -> str:
    params = node.child_by_field_name("parameters")
    signature = text(params) if params is not None else ""
    if _PER_REQUEST.search(signature):
        return "HTTP handler closure: runs per request"
    if _INTERCEPTOR.search(signature):
        return "gRPC interceptor closure: runs per RPC"
    holder = node.parent.parent if node.parent is not None else None
    if holder is not None and holder.type == "keyed_element":
        key = holder.child_by_field_name("key")
        if key is not None and text(key) in _HANDSHAKE_KEYS:
            return f"TLS `{text(key)}` callback: runs per handshake"
    return ""


def _hot(short: str, receiver: str, signature: tuple[str, str]) -> str:
    params, result = signature
    if short in _PER_EVENT_METHODS and receiver:
        return _PER_EVENT_METHODS[short]
    row = _PER_ROW.get(short)
    if receiver and row is not None and row.match(params + result):
        return f"`{short}` of a database value (`sql.Scanner`/`driver.Valuer`): runs per row"
    if short in _ITERATOR_STEPS and _ITERATOR.search(receiver):
        return f"iterator step (`{short}`): runs per element"
    if _PER_REQUEST.search(params):
        return "HTTP handler: runs per request"
    if _INTERCEPTOR.search(params):
        return "gRPC interceptor: runs per RPC"
    if receiver and short in _IO_METHODS and "[]byte" in params:
        return f"`{short}` of an I/O stream: runs per read or write"
    if receiver and short[:1].isupper() and _RPC_RECEIVER.search(receiver):
        if _CTX_REQUEST.match(params.strip()) and "error" in result:
            return f"RPC method of `{receiver}`: runs per call"
        if _STREAM.search(params) and result.strip() == "error":
            return f"streaming RPC method of `{receiver}`: runs per stream"
    return ""


def _cold(short: str, receiver: str, signature: tuple[str, str]) -> str:
    params, result = signature
    if not receiver and short in _ONCE_FUNCTIONS:
        return _ONCE_FUNCTIONS[short]
    if receiver and short in _DEBUG_METHODS:
        return _DEBUG_METHODS[short]
    if _CLI_SETUP.search(result) or _CLI_SETUP.search(params):
        return "command-line set-up: runs once per invocation"
    if _COLD_NAME.match(short):
        return f"`{short}`: set-up or tear-down, runs once per object or configuration"
    return ""


def _loop(node: ts.Node, owner: OpenFunction) -> None:
    header = [c for c in node.named_children if c.type != "block"]
    if not header:
        endless(node, owner, _waits_for_event, _PERIODIC)
        return
    clause = header[0]
    small = _small_range(clause) if clause.type == "range_clause" else _small_count(clause)
    if small:
        owner.small.append(Span(node.start_point.row + 1, node.end_point.row + 1, small))


def _waits_for_event(body: str) -> bool:
    """Whether an endless loop's body blocks on a message, connection or read (a receive from
    a timer or a stop channel does not count: that loop runs per interval, or until stopped)."""
    if _EVENT_CALL.search(body):
        return True
    return any(not _STOP_SIGNAL.search(m["operand"]) and not _TIMER.search(m["operand"])
               for m in _RECEIVE.finditer(body))


def _small_range(clause: ts.Node) -> str:
    right = clause.child_by_field_name("right")
    if right is None:
        return ""
    source = text(right)
    if source in ("os.Args", "os.Args[1:]", "flag.Args()"):
        return f"loop over the command line (`{source}`)"
    if right.type == "composite_literal":
        body = right.child_by_field_name("body")
        items = len(body.named_children) if body is not None else 0
        if items <= _SMALL_LIMIT:
            return f"loop over {items} literal items"
    if right.type == "int_literal" and small_int(source, _SMALL_LIMIT):
        return f"loop over {source} iterations"
    return ""


def _small_count(clause: ts.Node) -> str:
    if clause.type != "for_clause":
        return ""
    condition = clause.child_by_field_name("condition")
    if condition is None or condition.type != "binary_expression":
        return ""
    bound = condition.child_by_field_name("right")
    if bound is not None and bound.type == "int_literal" and small_int(text(bound), _SMALL_LIMIT):
        return f"loop of at most {text(bound)} iterations"
    return ""


def _receiver(method: ts.Node) -> str:
    receiver = method.child_by_field_name("receiver")
    if receiver is None:
        return ""
    for param in receiver.named_children:
        type_node = param.child_by_field_name("type")
        if type_node is not None:
            name = _TYPE_PARAMS.sub("", text(type_node).replace(" ", ""))
            return f"({name})" if name.startswith("*") else name
    return ""
