"""Heat facts of one Python module: its functions, what they call, how often each may run (pure).

Entry signals come from decorators, base classes, method names and parameters: a Flask
route or a Django view method runs per request, a Celery task per message, ``__repr__``
only when something is printed. The heat model (``perfaudit.heat``) joins the modules.
"""

from __future__ import annotations

import re
import sys
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
(function_definition) @fn
(class_definition) @cls
[(for_statement) (while_statement) (list_comprehension) (set_comprehension)
 (dictionary_comprehension) (generator_expression)] @loop
(call) @call
(keyword_argument name: (identifier) @keyword value: [(identifier) (attribute)] @ref
  (#any-of? @keyword "target" "callback" "func" "fn" "handler" "view_func" "endpoint"))
(except_clause) @rare
"""
_EVENTS = frozenset({"fn", "cls", "loop", "call", "ref", "rare"})
_ROUTE = re.compile(r"^@(\w+\.)*(route|get|post|put|patch|delete|head|options|websocket"
                    r"|api_route|api_view|action|view_config)\b")
_TASK = re.compile(r"^@(\w+\.)*(task|shared_task|actor|receiver|subscriber|consumer"
                   r"|periodic_task)\b")
_VALIDATOR = re.compile(r"^@(\w+\.)*(validator|field_validator|model_validator|root_validator"
                        r"|validates)\b")
_CLI = re.compile(r"^@(\w+\.)*(command|group|fixture|callback)\b|^@click\.")
_VIEW_BASE = re.compile(r"(View|ViewSet|APIView|RequestHandler|HTTPEndpoint|MethodView"
                        r"|Resource|Handler|Consumer)\b")
_VIEW_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "dispatch",
                           "prepare", "list", "retrieve", "create", "update", "partial_update",
                           "destroy", "on_message", "receive", "handle", "data_received"})
_PER_ELEMENT = frozenset({"__iter__", "__next__", "__getitem__", "__contains__", "__eq__",
                          "__hash__", "__lt__", "__le__", "__gt__", "__ge__", "__getattr__",
                          "__anext__", "__aiter__"})
_PER_CHUNK = frozenset({"data_received", "datagram_received", "to_representation",
                        "to_internal_value"})
# methods a framework calls once per row, value, item or log record, by the parameter that
# says which (Django and SQLAlchemy field conversions, Scrapy callbacks and pipelines, logging)
_PER_ROW = {"from_db_value": "value", "to_python": "value", "get_prep_value": "value",
            "get_db_prep_value": "value", "process_bind_param": "value",
            "process_result_value": "value", "process_item": "item", "emit": "record",
            "filter": "record", "format": "record", "parse": "response"}
_DEBUG = frozenset({"__repr__", "__str__", "__rich_repr__", "__rich__", "__format__",
                    "_repr_html_", "_repr_pretty_", "__dir__"})
_PER_CLASS = frozenset({"__init_subclass__", "__set_name__", "__class_getitem__"})
_SETUP_NAME = re.compile(
    r"^(main|cli|run_cli|setup|setUp|setUpClass|configure|ready|install|create_app"
    r"|add_arguments|build_parser|get_parser|create_parser|parse_args|load_config"
    r"|(setup|configure|register|install|init)_\w+)$")
_SMALL_LIMIT = 16
# a module or class constant (``CONFIG_STRUCTURE``, ``self.FIELDS``) is written out by hand
_CONSTANT_TABLE = re.compile(r"^(\w+\.)?_?[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^(\w+\.)?_?[A-Z]{3,}$")
# an endless loop that sleeps wakes every so often: periodic, not per event
_PERIODIC = re.compile(r"\bsleep\(|\.wait\(|[Ii]nterval|[Bb]ackoff")
# one that receives, accepts or reads runs once per event; one that does neither
# (pagination, parsing, retries) says nothing about how often its function runs
_EVENT_WAIT = re.compile(r"\.(recv\w*|receive\w*|accept|read|readline|readexactly|readuntil"
                         r"|readinto|get_message|poll|consume|fetch\w*|get_nowait)\("
                         r"|\.get\((\)|\s*(block|timeout)\b)|\bnext\(|\bselect\(")
# ``while True`` and its spelled-out forms: run until told to stop
_RUN_FLAG = re.compile(r"^(True|1|not\s+[\w.]+\.is_set\(\)|(self\.)?_?(running|alive|is_running)"
                       r"|not\s+(self\.)?_?(stop\w*|closed|closing|shutdown\w*|quit\w*|exit\w*))$")
_MEMOISED = re.compile(r"^@(\w+\.)*(cache|lru_cache|cached_property|cache_on_self|memoized?"
                       r"|cached)\b")
_MUTATIONS = frozenset({"mutate", "perform_mutation", "mutate_and_get_payload"})
_CLASS_LEVEL = "class body: runs once when the class is defined"


@cache
def _query() -> ts.Query:
    return ts.Query(grammar(Language.PYTHON), _QUERY)


def module_name(path: str) -> str:
    """A module's dotted name from its repository path (``pkg/mod.py`` -> ``pkg.mod``)."""
    stem = path[:-3] if path.endswith(".py") else path
    stem = stem.removesuffix("/__init__")
    return stem.replace("/", ".")


def summarize(path: str, root: ts.Node) -> FileSummary:
    """The heat summary of a parsed Python module."""
    module = OpenFunction(node=root, key=MODULE, name=MODULE, short=MODULE, parent="",
                          method=False, hot="", cold="module top level: runs once at import")
    stack: list[Frame] = [(root, "file", module)]
    functions = [module]  # the open functions, innermost last
    done: list[Function] = []
    for node, kind in events(ts.QueryCursor(_query()).captures(root), _EVENTS):
        close_before(node.start_byte, stack, functions, done)
        current = functions[-1]
        if kind == "fn":
            opened = _open(node, current, stack)
            stack.append((node, "fn", opened))
            functions.append(opened)
        elif kind == "cls":
            stack.append((node, "cls", None))
        elif kind == "loop":
            _loop(node, current)
            open_loop(node, stack, current)
        elif kind == "rare":
            open_error_path(node, stack, current)
        else:
            call = _call(node, kind, current)
            if call is not None:
                current.calls.append(call)
    return FileSummary(path=path, package=module_name(path),
                       functions=finish(stack, module, done))


def _call(node: ts.Node, kind: str, current: OpenFunction) -> Call | None:
    target = node.child_by_field_name("function") if kind == "call" else node
    if target is None:
        return None
    if target.type == "identifier":
        qualifier, name = "", text(target)
    elif target.type == "attribute":
        obj, attr = target.child_by_field_name("object"), target.child_by_field_name("attribute")
        qualifier = text(obj) if obj is not None and obj.type == "identifier" else "?"
        name = text(attr)
    else:
        return None
    # interned: the same few names recur in every file, and pickling shares them
    return Call(name=sys.intern(name), qualifier=sys.intern(qualifier),
                line=node.start_point.row + 1,
                repeated=current.open_loops > 0, spawned=kind == "ref",
                rare=current.open_rare > 0)


def _open(node: ts.Node, parent: OpenFunction,
          stack: list[Frame]) -> OpenFunction:
    short = _name(node)
    owner = stack[-1]
    in_class = owner[1] == "cls"
    klass = owner[0] if in_class else None
    prefix = _name(owner[0]) if in_class else (parent.name if parent.key != MODULE else "")
    name = f"{prefix}.{short}" if prefix else short
    line = node.start_point.row + 1
    decorators = _decorators(node)
    params = [text(p).split(":")[0].split("=")[0].strip().lstrip("*")
              for p in (node.child_by_field_name("parameters") or node).named_children]
    bases = text(klass.child_by_field_name("superclasses")) if klass is not None else ""
    cold = _cold(short, decorators, bases, in_class)
    return OpenFunction(node=node, key=f"{name}@{line}", name=name, short=short,
                 parent=parent.key if not in_class and parent.key != MODULE else "",
                 method=in_class, hot=_hot(short, decorators, params, bases, in_class),
                 cold=cold, never_hot=(in_class and short in _DEBUG)
                 or any(_MEMOISED.match(d) for d in decorators))


def _decorators(fn: ts.Node) -> list[str]:
    holder = fn.parent
    if holder is None or holder.type != "decorated_definition":
        return []
    return [text(d) for d in holder.named_children if d.type == "decorator"]


def _decorated_hot(decorators: list[str]) -> str:
    for decorator in decorators:
        if _ROUTE.match(decorator):
            return f"web route (`{decorator.split('(')[0]}`): runs per request"
        if _TASK.match(decorator):
            return f"task or signal handler (`{decorator.split('(')[0]}`): runs per message"
        if _VALIDATOR.match(decorator):
            return "validator: runs per value validated"
    return ""


def _hot(short: str, decorators: list[str], params: list[str], bases: str,
         method: bool) -> str:
    if decorated := _decorated_hot(decorators):
        return decorated
    if method and short in _VIEW_METHODS and _VIEW_BASE.search(bases):
        return f"`{short}` of a view or handler class: runs per request"
    if short.startswith("resolve_") and len(params) >= 2:
        return f"GraphQL resolver `{short}`: runs per request"
    if short in _MUTATIONS and "info" in params:
        return f"GraphQL mutation (`{short}`): runs per request"
    if short == "__call__":
        if {"scope", "receive", "send"} <= set(params):
            return "ASGI application: runs per request"
        if {"environ", "start_response"} <= set(params):
            return "WSGI application: runs per request"
        if "request" in params:
            return "middleware: runs per request"
    if method and (per_item := _per_item(short, params)):
        return per_item
    if {"environ", "start_response"} <= set(params):
        return "WSGI application: runs per request"
    if params[:1] == ["request"] or (method and params[1:2] == ["request"]):
        return "takes the `request`: runs per request"
    return ""


def _per_item(short: str, params: list[str]) -> str:
    """A method the language or a framework calls once per element, chunk, row or record."""
    if short in _PER_ELEMENT:
        return f"`{short}`: runs per element or lookup"
    if short in _PER_CHUNK:
        return f"`{short}`: runs per chunk or object"
    if short in _PER_ROW and _PER_ROW[short] in params[1:3]:
        return f"`{short}`: runs per {_PER_ROW[short]} (called by its framework)"
    return ""


def _cold(short: str, decorators: list[str], bases: str, method: bool) -> str:
    if any(_CLI.match(d) for d in decorators):
        return "command-line command or fixture: runs once per invocation"
    memoised = next((d for d in decorators if _MEMOISED.match(d)), "")
    if memoised:
        return f"memoised (`{memoised.split('(')[0]}`): runs once per distinct argument"
    if method and short in _DEBUG:
        return f"debug text (`{short}`)"
    if method and (short in _PER_CLASS or (short == "__new__" and "type" in bases)):
        return f"`{short}`: runs once per class"
    if short == "__init__":
        return "constructor: runs once per object"
    if _SETUP_NAME.match(short):
        return f"`{short}`: set-up, runs once"
    return ""


def _loop(node: ts.Node, owner: OpenFunction) -> None:
    if node.type == "while_statement":
        condition = node.child_by_field_name("condition")
        if condition is not None and _RUN_FLAG.match(text(condition)):
            endless(node, owner, lambda body: _EVENT_WAIT.search(body) is not None, _PERIODIC)
        return
    over = node.child_by_field_name("right")
    if over is None:
        clause = next((c for c in node.named_children if c.type == "for_in_clause"), None)
        over = clause.child_by_field_name("right") if clause is not None else None
    reason = _small(over) if over is not None else ""
    if reason:
        owner.small.append(Span(node.start_point.row + 1, node.end_point.row + 1, reason))


def _small(over: ts.Node) -> str:
    source = text(over)
    if over.type in ("tuple", "list", "set") and len(over.named_children) <= _SMALL_LIMIT:
        return f"loop over {len(over.named_children)} literal items"
    if source in ("sys.argv", "sys.argv[1:]") or source.endswith(("__bases__", "__mro__",
                                                                   "__slots__")):
        return f"loop over `{source}`"
    if _CONSTANT_TABLE.match(source):
        return f"loop over the constant table `{source}`"
    if over.type == "call" and source.startswith("range("):
        args = over.child_by_field_name("arguments")
        values = args.named_children if args is not None else []
        if (len(values) == 1 and values[0].type == "integer"
                and small_int(text(values[0]), _SMALL_LIMIT)):
            return f"loop over {text(values[0])} iterations"
    return ""


def _name(node: ts.Node) -> str:
    name = node.child_by_field_name("name")
    return text(name) if name is not None else "?"
