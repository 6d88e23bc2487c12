"""Name resolution inside Go source for ``check.py`` predicates (pure, syntax only).

Go rules often need one fact syntax at the match cannot give: is ``s`` a string, was
``out`` declared empty, is ``f`` an ``*os.File``? These helpers find the declaration a
name refers to (parameters, ``var``, ``:=``, range and for clauses, package-level
``var``) and the type or value it was declared with. They never guess: when the
declaration is not found, callers get None and a rule should stay silent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from perfaudit.model import Language
from perfaudit.rules.facts.common import call_name
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

GO_FUNCTIONS = frozenset({"function_declaration", "method_declaration", "func_literal"})
_DECL_KINDS = ("parameter_declaration", "variadic_parameter_declaration", "var_spec",
               "short_var_declaration", "range_clause", "const_spec")
_ITERATOR_FUNCS = re.compile(r"(^|\.)(All|Keys|Values|Backward|Seq2?|Iter|Iterator|Chunk|Lines|SplitSeq|"
                             r"FieldsSeq|SplitAfterSeq|FieldsFuncSeq)$")
_BRANCHES = frozenset({"if_statement", "expression_switch_statement", "type_switch_statement",
                       "select_statement", "communication_case", "expression_case",
                       "type_case", "default_case", "func_literal", "for_statement"})


def function_scopes(node: Node) -> list[Node]:
    """Enclosing functions and closures of ``node``, innermost first."""
    return [a for a in node.ancestors() if a.kind() in GO_FUNCTIONS]


def _starts_before(a: Node, b: Node) -> bool:
    ra, rb = a.range().start, b.range().start
    return (ra.line, ra.column) <= (rb.line, rb.column)


def declared_names(decl: Node) -> list[Node]:
    """The identifier nodes a declaration introduces, in order."""
    kind = decl.kind()
    if kind in ("short_var_declaration", "range_clause"):
        left = decl.field("left")
        return [c for c in left.named_children() if c.kind() == "identifier"] if left else []
    return [c for c in decl.field_children("name") if c.kind() == "identifier"]


def _visible_from(decl: Node, node: Node) -> bool:
    holder = decl.parent()
    if decl.kind() in ("parameter_declaration", "variadic_parameter_declaration"):
        holder = holder.parent() if holder is not None else None
    elif decl.kind() == "range_clause":
        pass  # visible in the ``for`` statement that holds the clause
    elif holder is not None and holder.kind() in ("for_clause", "var_declaration", "const_declaration"):
        holder = holder.parent()
    elif holder is not None and holder.kind() == "var_spec_list":
        declaration = holder.parent()
        holder = declaration.parent() if declaration is not None else None
    if holder is None:
        return False
    return holder.kind() == "source_file" or any(a == holder for a in node.ancestors())


_DECL_RULE = {"rule": {"any": [{"kind": kind} for kind in _DECL_KINDS]}}


def _declarations_in(scope: Node, name: str) -> Iterator[Node]:
    by_name = scope.remember("declarations by name", lambda: _declarations_by_name(scope))
    yield from dict.fromkeys(by_name.get(name, ()))


def _declarations_by_name(scope: Node) -> dict[str, list[Node]]:
    by_name: dict[str, list[Node]] = {}
    for decl in scope.find_all(_DECL_RULE):
        for ident in declared_names(decl):
            by_name.setdefault(ident.text(), []).append(decl)
    return by_name


def find_declaration(node: Node, name: str) -> Node | None:
    """The declaration of ``name`` that ``node`` sees, or None when it is not found.

    Looks through the enclosing functions innermost first, then package-level
    ``var``/``const`` declarations. Among visible candidates the last one written
    before ``node`` wins (shadowing).
    """
    for scope in function_scopes(node):
        best = None
        for decl in _declarations_in(scope, name):
            visible = _visible_from(decl, node) and _starts_before(decl, node)
            if visible and (best is None or _starts_before(best, decl)):
                best = decl
        if best is not None:
            return best
    root = node.get_root().root()
    package: dict[str, Node] = root.remember(_package_declarations,
                                             lambda: _package_declarations(root))
    return package.get(name)


def _package_declarations(root: Node) -> dict[str, Node]:
    """Each name's first package-level ``var``/``const`` declaration, found once per file."""
    first: dict[str, Node] = {}
    for top in root.children():
        if top.kind() in ("var_declaration", "const_declaration"):
            for name, decls in _declarations_by_name(top).items():
                first.setdefault(name, decls[0])
    return first


def declared_type(decl: Node) -> str | None:
    """The explicit type text of a declaration (``[]byte``, ``*os.File``), if written."""
    type_node = decl.field("type")
    return type_node.text() if type_node is not None else None


def declared_value(decl: Node, name: str) -> Node | None:
    """The expression assigned to ``name`` by its declaration, if any.

    For ``a, err := f()`` every name maps to the single call ``f()``.
    """
    if decl.kind() == "short_var_declaration":
        values = decl.field("right")
    elif decl.kind() in ("var_spec", "const_spec"):
        values = decl.field("value")
    else:
        return None
    if values is None:
        return None
    exprs = [c for c in values.named_children() if c.kind() != "comment"]
    names = [n.text() for n in declared_names(decl)]
    if name not in names or not exprs:
        return None
    return exprs[0] if len(exprs) == 1 else exprs[names.index(name)] if len(exprs) == len(names) else None


def is_conditional_within(node: Node, stop: Node) -> bool:
    """Whether ``node`` sits under a branch (if/switch/select/closure/loop) below ``stop``."""
    for ancestor in node.ancestors():
        if ancestor == stop:
            return False
        if ancestor.kind() in _BRANCHES:
            return True
    return False


_ASSIGN_RULE = {"rule": {"any": [{"kind": k} for k in
                                 ("assignment_statement", "inc_statement", "dec_statement")]}}


def assignments_to(scope: Node, name: str) -> list[Node]:
    """``=``/``op=`` assignment statements and ``++``/``--`` in ``scope`` whose target is ``name``."""
    found = []
    for stmt in scope.find_all(_ASSIGN_RULE):
        left = stmt.field("left") or stmt.child(0)
        if left is None:
            continue
        targets = left.named_children() if left.kind() == "expression_list" else [left]
        if any(t.kind() == "identifier" and t.text() == name for t in targets):
            found.append(stmt)
    return found


def first_assigned_name(call: Node) -> str | None:
    """For ``x, err := call(...)`` or ``x, err = call(...)``, the name ``x`` (else None)."""
    parent = call.parent()
    if parent is None or parent.kind() != "expression_list":
        return None
    stmt = parent.parent()
    if stmt is None or stmt.kind() not in ("short_var_declaration", "assignment_statement"):
        return None
    if stmt.field("right") != parent:
        return None
    left = stmt.field("left")
    first = left.named_children()[0] if left is not None and left.named_children() else None
    if first is None or first.kind() != "identifier" or first.text() == "_":
        return None
    return str(first.text())


def enclosing_loops(node: Node) -> list[Node]:
    """``for`` statements around ``node`` inside its own function or closure, innermost first."""
    loops = []
    for ancestor in node.ancestors():
        if ancestor.kind() in GO_FUNCTIONS:
            break
        if ancestor.kind() == "for_statement":
            loops.append(ancestor)
    return loops


def loops_between(node: Node, outer: Node) -> list[Node]:
    """Loops around ``node`` that do not also enclose ``outer`` (e.g. a declaration)."""
    outer_ancestors = list(outer.ancestors())
    return [loop for loop in enclosing_loops(node) if not any(a == loop for a in outer_ancestors)]


_JUMP_RULE = {"rule": {"any": [{"kind": k} for k in
                               ("continue_statement", "break_statement", "goto_statement")]}}


def _exits_early(body: Node) -> bool:
    """Whether a loop body can skip or end iterations (continue, break, goto) itself."""
    for stmt in body.find_all(_JUMP_RULE):
        jump = stmt.kind()
        owners: tuple[str, ...] = ("for_statement", "func_literal")
        if jump == "break_statement":
            owners += ("expression_switch_statement", "type_switch_statement", "select_statement")
        owner = next((a for a in stmt.ancestors() if a.kind() in owners or a == body), None)
        labelled = stmt.find(kind="label_name") is not None
        if owner == body or labelled or jump == "goto_statement":
            return True
    return False


def runs_every_iteration(stmt: Node, loop: Node) -> bool:
    """Whether ``stmt`` is a top-level statement of ``loop``'s body that no jump skips."""
    body = loop.field("body")
    parent = stmt.parent()
    if body is None or parent is None or parent.kind() != "statement_list":
        return False
    return parent.parent() == body and not _exits_early(body)


def range_target(loop: Node) -> Node | None:
    """The ranged-over expression of a ``for ... range x`` loop."""
    clause = next((c for c in loop.children() if c.kind() == "range_clause"), None)
    return clause.field("right") if clause is not None else None


def _may_be_channel_or_iterator(loop: Node, target: Node) -> bool:
    clause = next(c for c in loop.children() if c.kind() == "range_clause")
    left = clause.field("left")
    two_vars = left is not None and len(left.named_children()) == 2
    if target.kind() == "identifier":
        decl = find_declaration(loop, target.text())
        if decl is None:
            return not two_vars
        value = declared_value(decl, target.text())
        text = (declared_type(decl) or "") + " " + (value.text() if value is not None else "")
        if "chan" in text or "Seq" in text or "func(" in text:
            return True
        if two_vars:
            return False
        return value is not None and value.kind() == "call_expression" and call_name(value) != "make"
    return not two_vars and target.kind() not in ("int_literal",)


def has_known_length(loop: Node) -> bool:
    """Whether the trip count is known before the loop starts (slice/map range, counted ``for``).

    Ranges over channels, iterator functions or values whose kind cannot be seen count as
    unknown, as do condition-only and infinite loops.
    """
    target = range_target(loop)
    if target is not None:
        if target.kind() in ("composite_literal", "unary_expression", "receive_expression"):
            return False
        if target.kind() == "call_expression" and _ITERATOR_FUNCS.search(call_name(target)):
            return False
        return not _may_be_channel_or_iterator(loop, target)
    clause = next((c for c in loop.children() if c.kind() == "for_clause"), None)
    if clause is None:
        return False
    cond, update = clause.field("condition"), clause.field("update")
    if cond is None or update is None or cond.kind() != "binary_expression":
        return False
    if update.kind() not in ("inc_statement", "dec_statement"):
        return False
    operator = cond.field("operator")
    return operator is not None and operator.text() in ("<", "<=", ">", ">=", "!=")


def address_taken(scope: Node, name: str) -> bool:
    """Whether ``&name`` appears in ``scope`` (something else may write through it)."""
    return any(u.text().replace(" ", "") == "&" + name for u in scope.find_all(kind="unary_expression"))


def is_local(decl: Node) -> bool:
    """Whether a declaration sits inside a function (not at package level)."""
    return functions.innermost_function(decl, Language.GO) is not None


_BUFFER_TYPES = ("bytes.Buffer", "strings.Builder")


def buffer_type(node: Node, name: str) -> str | None:
    """``bytes.Buffer`` or ``strings.Builder`` when ``name`` is declared as one (or a pointer)."""
    decl = find_declaration(node, name)
    if decl is None:
        return None
    type_text = (declared_type(decl) or "").replace(" ", "").lstrip("*")
    if type_text in _BUFFER_TYPES:
        return type_text
    value = declared_value(decl, name)
    text = value.text().replace(" ", "") if value is not None else ""
    for kind in _BUFFER_TYPES:
        if text.startswith((f"new({kind})", f"&{kind}{{", f"{kind}{{")):
            return kind
    return "bytes.Buffer" if text.startswith(("bytes.NewBuffer(", "bytes.NewBufferString(")) else None


_BYTES_TYPES = ("[]byte", "json.RawMessage")
_BYTES_CALLS = ("io.ReadAll", "os.ReadFile", "json.Marshal", "json.MarshalIndent", "ioutil.ReadAll",
                "ioutil.ReadFile", "proto.Marshal", "yaml.Marshal", "base64.StdEncoding.DecodeString",
                "hex.DecodeString")


def is_byte_slice(node: Node, expr: Node) -> bool:
    """Whether ``expr`` is visibly a ``[]byte``: a declared ``[]byte`` name, a byte-returning call.

    Calls count when they are well-known producers (``io.ReadAll``, ``json.Marshal``, a
    ``.Bytes()`` method); names count when declared with such a type or value.
    """
    if expr.kind() == "call_expression":
        callee = call_name(expr)
        return callee in _BYTES_CALLS or callee.endswith(".Bytes")
    if expr.kind() == "type_conversion_expression":
        return bool(expr.text().replace(" ", "").startswith("[]byte("))
    if expr.kind() == "slice_expression":
        operand = expr.field("operand")
        return operand is not None and is_byte_slice(node, operand)
    if expr.kind() != "identifier":
        return False
    decl = find_declaration(node, expr.text())
    if decl is None:
        return False
    if (declared_type(decl) or "").replace(" ", "") in _BYTES_TYPES:
        return True
    value = declared_value(decl, expr.text())
    if value is None:
        return False
    text = value.text().replace(" ", "")
    return text.startswith(("make([]byte", "[]byte(")) or (
        value.kind() == "call_expression" and value != expr and is_byte_slice(node, value))


def filled_once_per_known_loop(stmt: Node, decl: Node) -> bool:
    """Whether ``stmt`` runs on every iteration of exactly one known-length loop after ``decl``.

    This is the shape shared by the size-hint rules: a local collection declared before one loop
    whose length is known up front, grown by one unconditional statement per iteration.
    """
    if not is_local(decl):
        return False
    loops = loops_between(stmt, decl)
    return (len(loops) == 1 and has_known_length(loops[0])
            and runs_every_iteration(stmt, loops[0]))
