"""Which names a Python module binds at its top level, and which a function binds (pure)."""

from __future__ import annotations

from perfaudit.rules.facts.python import code
from perfaudit.syntax.node import Node

_IMPORT_KINDS = ("import_statement", "import_from_statement")
_DEFINITION_KINDS = ("class_definition", "function_definition")


def module_names(root: Node) -> frozenset[str]:
    """Names bound by the module's own top-level statements: imports, classes, functions and
    plain assignments (``if``/``try`` blocks at top level included, as for optional imports).

    Kept per file: every match in the file asks it of the same root.
    """
    names: frozenset[str] = root.remember(module_names, lambda: _module_names(root))
    return names


def _module_names(root: Node) -> frozenset[str]:
    found: set[str] = set()
    for stmt in _top_level(root):
        kind = stmt.kind()
        if kind in _IMPORT_KINDS:
            found |= _imported(stmt)
        elif kind in _DEFINITION_KINDS and (name := stmt.field("name")) is not None:
            found.add(name.text())
        elif kind == "expression_statement":
            for assign in stmt.named_children():
                if assign.kind() == "assignment" and (left := assign.field("left")) is not None:
                    found |= code.names_in(left)
    return frozenset(found)


def _top_level(root: Node) -> list[Node]:
    """Top-level statements, looking through ``decorated_definition``, ``if`` and ``try``."""
    out: list[Node] = []
    pending = list(root.named_children())
    while pending:
        stmt = pending.pop(0)
        kind = stmt.kind()
        if kind == "decorated_definition":
            pending.extend(c for c in stmt.named_children() if c.kind() in _DEFINITION_KINDS)
        elif kind in ("if_statement", "try_statement", "else_clause", "elif_clause",
                      "except_clause", "finally_clause", "block"):
            pending.extend(stmt.named_children())
        else:
            out.append(stmt)
    return out


def _imported(stmt: Node) -> set[str]:
    found: set[str] = set()
    for child in stmt.field_children("name"):
        if child.kind() == "aliased_import":
            alias = child.field("alias")
            if alias is not None:
                found.add(alias.text())
        else:
            found.add(child.text().split(".", 1)[0])
    return found


def mutated_names(scope: Node) -> frozenset[str]:
    """Names ``scope`` changes in place: a mutating method call (``NAMES.append(x)``), an item
    or attribute assignment (``TABLE[k] = v``) or an augmented assignment."""
    found: set[str] = set()
    for kind in ("assignment", "augmented_assignment"):
        for stmt in scope.find_all(kind=kind):
            left = stmt.field("left")
            if left is None:
                continue
            if left.kind() in ("subscript", "attribute"):
                left = left.field("value") or left.field("object") or left
            elif kind == "assignment":
                continue
            found |= code.names_in(left)
    for call in scope.find_all(kind="call"):
        func = call.field("function")
        if func is None or func.kind() != "attribute":
            continue
        obj, attr = func.field("object"), func.field("attribute")
        if obj is not None and attr is not None and attr.text() in code.MUTATORS:
            found |= code.names_in(obj)
    return frozenset(found)


def parameter_names(fn: Node) -> frozenset[str]:
    """The names a ``def`` or ``lambda`` takes as parameters (not their annotations or defaults)."""
    params = fn.field("parameters")
    if params is None:
        return frozenset()
    found: set[str] = set()
    for param in params.named_children():
        if param.kind() == "identifier":
            found.add(param.text())
            continue
        name = param.field("name")
        if name is None:
            name = next((c for c in param.named_children() if c.kind() == "identifier"), None)
        if name is not None:
            found.add(name.text())
    return frozenset(found)


def local_names(fn: Node) -> frozenset[str]:
    """Names a function binds itself: its parameters and every name it assigns or loops over
    (nested scopes included, which errs towards "local" for a test of globals)."""
    return parameter_names(fn) | code.changed_names(fn, mutations=False)
