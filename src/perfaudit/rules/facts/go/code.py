"""Go-specific syntax helpers for rules' ``check.py`` predicates (pure).

They answer the questions Go rules keep asking: which loop encloses a call, which names a
loop declares, where a local value comes from and where else it is used.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.facts.common import call_name
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_GO = Language.GO
_STRING_KINDS = frozenset({"interpreted_string_literal", "raw_string_literal"})
DECL_KINDS = ("short_var_declaration", "assignment_statement", "var_spec")


def call_args(call: Node) -> list[Node]:
    """The argument expressions of a call, in order: comments between them are not arguments.

    A type argument counts (``[]int`` in ``make([]int, n)``), as does ``xs...``; a node
    without an argument list (not a call) has none.
    """
    args = call.field("arguments")
    if args is None:
        return []
    return [a for a in args.named_children() if a.kind() != "comment"]


def innermost_loop(node: Node) -> Node | None:
    """The nearest ``for`` statement around ``node`` within its own function or closure."""
    loops = functions.loop_ancestors(node, _GO)
    return loops[0] if loops else None


def is_collection_loop(loop: Node) -> bool:
    """Whether a ``for`` loop iterates (range or three-clause), not ``for {}`` / ``for cond {}``."""
    return any(child.kind() in {"range_clause", "for_clause"} for child in loop.children())


def range_clause(loop: Node) -> Node | None:
    """The ``range`` clause of a ``for`` statement, or None."""
    return next((c for c in loop.children() if c.kind() == "range_clause"), None)


def range_vars(loop: Node) -> tuple[str | None, str | None]:
    """Key and value names a range loop declares (``_`` and absent names are None)."""
    clause = range_clause(loop)
    left = clause.field("left") if clause is not None else None
    if left is None:
        return None, None
    names: list[str | None] = [c.text() for c in left.children() if c.is_named()]
    names = [n if n != "_" else None for n in names] + [None, None]
    return names[0], names[1]


def loop_declared_names(loop: Node) -> set[str]:
    """Names a loop header declares or assigns (range variables, three-clause init)."""
    header = next((c for c in loop.children() if c.kind() in {"range_clause", "for_clause"}), None)
    if header is None:
        return set()
    if header.kind() == "range_clause":
        left = header.field("left")
        return {n.text() for n in left.find_all(kind="identifier")} - {"_"} if left else set()
    init = header.field("initializer")
    return {n.text() for n in init.find_all(kind="identifier")} if init is not None else set()


def is_string_literal(node: Node) -> bool:
    """Whether ``node`` is a string literal or a ``+`` concatenation of literals."""
    pending = [node]
    while pending:  # a stack, not recursion: concatenations run thousands of terms long
        current = pending.pop()
        if current.kind() in _STRING_KINDS:
            continue
        if current.kind() not in {"binary_expression", "parenthesized_expression"}:
            return False
        pending.extend(c for c in current.children() if c.is_named())
    return True


def parameter_names(fn: Node) -> set[str]:
    """Names of a function's declared parameters (not the method receiver)."""
    params = fn.field("parameters")
    if params is None:
        return set()
    return {c.text() for p in params.children() if p.is_named()
            for c in p.children() if c.kind() == "identifier"}


def package_var_names(root: Node) -> set[str]:
    """Names declared by top-level ``var`` declarations (found once per file)."""
    names: frozenset[str] = root.remember(package_var_names, lambda: _package_var_names(root))
    return set(names)


def _package_var_names(root: Node) -> frozenset[str]:
    names: set[str] = set()
    for decl in root.children():
        if decl.kind() != "var_declaration":
            continue
        for spec in decl.find_all(kind="var_spec"):
            names.update(c.text() for c in spec.children() if c.kind() == "identifier")
    return frozenset(names)


def in_once_do(node: Node) -> bool:
    """Whether ``node`` runs inside a closure passed to ``sync.Once``-style ``.Do(func() {...})``."""
    for ancestor in node.ancestors():
        if ancestor.kind() != "func_literal":
            continue
        args = ancestor.parent()
        call = args.parent() if args is not None else None
        if call is not None and call.kind() == "call_expression" and call_name(call).endswith(".Do"):
            return True
    return False


_IMPURE_PACKAGE_CALLS = re.compile(r"^(time\.(Now|Since|Until)|rand\.\w+|os\.(Getpid|Hostname))$")


def lhs_root(expr: Node) -> str | None:
    """The variable an assignment target writes through: ``a`` for ``a.b[i].c`` or ``*a``."""
    node = expr
    while node.kind() in {"selector_expression", "index_expression", "unary_expression",
                          "parenthesized_expression", "slice_expression"}:
        child = node.field("operand")
        if child is None:
            child = next((c for c in node.children() if c.is_named()), None)
        if child is None:
            return None
        node = child
    return node.text() if node.kind() == "identifier" else None


_WRITES = {"rule": {"any": [{"kind": kind} for kind in (
    "assignment_statement", "short_var_declaration", "range_clause", "receive_statement",
    "var_spec", "inc_statement", "dec_statement", "unary_expression")]}}


def assigned_roots(scope: Node) -> frozenset[str]:
    """Variables ``scope`` declares, assigns, increments or takes the address of.

    Kept per file and scope: a loop's writes are asked about once per match inside it.
    """
    roots: frozenset[str] = scope.remember("assigned roots", lambda: frozenset(
        name for stmt in scope.find_all(_WRITES) for name in _written(stmt)))
    return roots


def _written(stmt: Node) -> list[str]:
    kind = stmt.kind()
    if kind == "var_spec":
        return [c.text() for c in stmt.children() if c.kind() == "identifier"]
    if kind in ("inc_statement", "dec_statement", "unary_expression"):
        if kind == "unary_expression" and not stmt.text().startswith("&"):
            return []
        target = stmt if kind == "unary_expression" else next(
            (c for c in stmt.children() if c.is_named()), None)
        root = lhs_root(target) if target is not None else None
        return [root] if root is not None else []
    left = stmt.field("left")
    targets = [c for c in left.children() if c.is_named()] if left is not None else []
    return [r for t in targets if (r := lhs_root(t)) is not None]


def imported_packages(root: Node) -> set[str]:
    """Names under which the file's imports are visible (alias or last path element)."""
    names: set[str] = set()
    for spec in root.find_all(kind="import_spec"):
        alias, path = spec.field("name"), spec.field("path")
        if alias is not None:
            names.add(alias.text())
        elif path is not None:
            last = path.text().strip('"`').rsplit("/", 1)[-1]
            names.add(re.sub(r"^go-|\.v\d+$|^v\d+$", "", last).replace("-", "_"))
    return names


def _file_root(node: Node) -> Node:
    root = node
    for ancestor in node.ancestors():
        root = ancestor
    return root


def _pure_calls(expr: Node, packages: set[str]) -> bool:
    calls = list(expr.find_all(kind="call_expression"))
    if expr.kind() == "call_expression":
        calls.append(expr)
    for call in calls:
        fn = call.field("function")
        if fn is None:
            return False
        if fn.kind() in {"slice_type", "array_type", "parenthesized_type", "qualified_type"}:
            continue  # a conversion such as []byte(s)
        if fn.kind() == "identifier" and fn.text() in _PURE_BUILTINS:
            continue
        name = call_name(call)
        operand = fn.field("operand") if fn.kind() == "selector_expression" else None
        if operand is None or operand.kind() != "identifier" or operand.text() not in packages:
            return False
        if _IMPURE_PACKAGE_CALLS.match(name):
            return False
    return True


_PURE_BUILTINS = frozenset({"len", "cap", "string", "min", "max", "int", "int64", "float64"})


def is_invariant(expr: Node, loop: Node) -> bool:
    """Whether ``expr`` computes the same value on every iteration of ``loop``.

    Assignments through fields, indexes and ``&x`` count as changes, and any call other than
    a package function (``strings.ToLower``) or a conversion may return something new each
    time (``sc.Text()``, ``next()``).
    """
    names = {n.text() for n in expr.find_all(kind="identifier")}
    if expr.kind() == "identifier":
        names.add(expr.text())
    if names & (assigned_roots(loop) | loop_declared_names(loop)):
        return False
    return _pure_calls(expr, imported_packages(_file_root(loop)))


def runs_once_in_loop(node: Node, loop: Node) -> bool:
    """Whether ``node`` sits in a block of ``loop`` that always leaves the loop afterwards.

    ``for ... { if found { re := compile(p); return re.Find(x) } }`` compiles at most once
    per call, so it is not per-iteration work.
    """
    for ancestor in node.ancestors():
        if ancestor == loop:
            return False
        if ancestor.kind() not in {"block", "statement_list"}:
            continue
        statements = [c for c in ancestor.children() if c.is_named() and c.kind() != "comment"]
        last = statements[-1] if statements else None
        if last is None:
            continue
        if last.kind() == "return_statement" or last.text() in {"break", "goto"}:
            return True
        if last.kind() == "expression_statement" and call_name(last.children()[0]) in _EXITS:
            return True
    return False


_EXITS = frozenset({"panic", "os.Exit", "log.Fatal", "log.Fatalf", "log.Panicf", "t.Fatal"})


def called_in_loop(root: Node, name: str) -> bool:
    """Whether a function named ``name`` is called inside a loop somewhere in the file."""
    in_loops: frozenset[str] = root.remember(called_in_loop, lambda: _callees_in_loops(root))
    return name in in_loops or any(callee.endswith("." + name) for callee in in_loops)


def _callees_in_loops(root: Node) -> frozenset[str]:
    """The callees of every call that sits in a loop, found once per file."""
    return frozenset(call_name(call) for call in root.find_all(kind="call_expression")
                     if innermost_loop(call) is not None)


def literal_local(scope: Node, name: str) -> bool:
    """Whether local ``name`` is declared from a composite literal (a small fixed table)."""
    for decl in scope.find_all(kind="short_var_declaration"):
        left, right = decl.field("left"), decl.field("right")
        if left is None or right is None or left.text() != name:
            continue
        values = [c for c in right.children() if c.is_named()]
        return bool(values) and values[0].kind() == "composite_literal"
    return False


_EVENT_SOURCE = re.compile(
    r"(?i)(\.C|ch|chan|channel|events?|updates?|ticks?|ticker|notify|signals?|watch\w*)$"
)


_RETRY = re.compile(r"time\.Sleep\(|[Bb]ackoff|[Rr]etr(y|ies)|<-time\.After")


def is_event_loop(loop: Node) -> bool:
    """Whether a loop waits for events (``for {}``, ``for cond``, range over a channel/ticker).

    Re-reading a file or reloading a certificate per event is usually the point (the file
    may have changed), so I/O rules stay quiet in such loops.
    """
    body = loop.field("body")
    if body is not None and _RETRY.search(body.text()):
        return True  # a retry or polling loop waits for the file to change
    clause = range_clause(loop)
    if clause is None:
        return not is_collection_loop(loop)
    right = clause.field("right")
    return right is None or bool(_EVENT_SOURCE.search(right.text()))


def args_invariant(call: Node, loop: Node) -> bool:
    """Whether every argument list in a call chain is invariant across ``loop``."""
    lists = list(call.find_all(kind="argument_list"))
    return all(is_invariant(args, loop) for args in lists)


def evaluated_once(node: Node, loop: Node) -> bool:
    """Whether ``node`` is in a part of ``loop`` that runs once: the range expression or
    the three-clause initializer, or a constant declaration."""
    for ancestor in node.ancestors():
        if ancestor == loop:
            return False
        if ancestor.kind() in {"range_clause", "const_declaration"}:
            return True
        parent = ancestor.parent()
        if parent is not None and parent.kind() == "for_clause" and parent.field("initializer") == ancestor:
            return True
    return False


def shadows_package(scope: Node, package: str) -> bool:
    """Whether ``scope`` declares a local named like a package (``json := jsoniter.Config…``)."""
    if package in parameter_names(scope):
        return True
    for decl in scope.find_all(kind="short_var_declaration"):
        left = decl.field("left")
        if left is not None and package in {c.text() for c in left.children() if c.is_named()}:
            return True
    return False


def identifier_names(node: Node) -> set[str]:
    """Variable-like identifiers used in ``node`` (not field or package names)."""
    names = {n.text() for n in node.find_all(kind="identifier")}
    if node.kind() == "identifier":
        names.add(node.text())
    return names


def const_names(root: Node) -> frozenset[str]:
    """Names that ``const`` declarations anywhere in the file introduce (found once per file)."""
    def collect() -> frozenset[str]:
        return frozenset(name.text() for spec in root.find_all(kind="const_spec")
                         for name in spec.field_children("name"))
    names: frozenset[str] = root.remember(const_names, collect)
    return names


def assigned_to(value: Node) -> list[Node] | None:
    """The left-hand side of the ``:=`` or ``=`` statement ``value`` is assigned by
    (``db, err := sql.Open(...)`` gives ``[db, err]``); None when it is not assigned."""
    statement = value.parent()
    while statement is not None and statement.kind() == "expression_list":
        statement = statement.parent()
    if statement is None or statement.kind() not in ("short_var_declaration",
                                                      "assignment_statement"):
        return None
    left = statement.field("left")
    return left.named_children() if left is not None else []
