"""Python-specific syntax-tree helpers for rules' ``check.py`` predicates (pure).

"Per iteration" here is precise about loop headers: ``for x in sorted(xs):`` sorts once,
so only a loop's body (a ``while`` condition too, and all but the first iterable of a
comprehension) counts as running once per iteration.
"""

from __future__ import annotations

import bisect

from perfaudit.model import Language
from perfaudit.rules.facts.common import call_name
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

LOOP_KINDS = frozenset({"for_statement", "while_statement", "list_comprehension",
                        "set_comprehension", "dictionary_comprehension", "generator_expression"})
FUNCTION_KINDS = functions.FUNCTION_KINDS[Language.PYTHON]
MUTATORS = frozenset({"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse",
                      "add", "update", "discard", "setdefault", "popitem", "write", "seek",
                      "truncate", "appendleft", "extendleft", "popleft", "rotate"})
PURE_CALLS = frozenset({"os.path.join", "Path", "pathlib.Path", "PurePath", "str", "bytes", "int",
                        "float", "tuple", "frozenset", "len", "os.path.expanduser",
                        "os.path.abspath", "os.path.dirname", "os.path.basename", "os.fspath"})
_BINDING_KINDS = ("assignment", "augmented_assignment", "for_statement", "for_in_clause",
                  "named_expression", "as_pattern", "delete_statement", "global_statement",
                  "nonlocal_statement")


def within(node: Node, container: Node | None) -> bool:
    """Whether ``node`` lies inside ``container`` (byte ranges)."""
    if container is None:
        return False
    inner, outer = node.range(), container.range()
    return bool(outer.start.index <= inner.start.index and inner.end.index <= outer.end.index)


def function_of(node: Node) -> Node | None:
    """The nearest enclosing ``def`` or ``lambda``, or None at module level."""
    return functions.innermost_function(node, Language.PYTHON)


def is_async(fn: Node | None) -> bool:
    """Whether ``fn`` is an ``async def``."""
    if fn is None or fn.kind() != "function_definition":
        return False
    first = fn.child(0)
    return first is not None and first.kind() == "async"


def _runs_per_iteration(node: Node, loop: Node) -> bool:
    kind = loop.kind()
    if kind == "for_statement":
        return within(node, loop.field("body"))
    if kind == "while_statement":
        return within(node, loop.field("body")) or within(node, loop.field("condition"))
    clauses = [c for c in loop.children() if c.kind() == "for_in_clause"]
    return not (clauses and within(node, clauses[0].field("right")))


def _exit_after(block: Node, inner: Node) -> str:
    """"return" or "break" when a statement after ``inner`` in ``block`` leaves unconditionally."""
    starts, kinds = block.remember(_exit_after, lambda: _exits(block))
    index = bisect.bisect_left(starts, inner.range().end.index)
    return kinds[index] if index < len(kinds) else ""


def _exits(block: Node) -> tuple[list[int], list[str]]:
    """Where ``block``'s statements that leave it begin, and how they leave, in order."""
    leaving = {"return_statement": "return", "raise_statement": "return", "break_statement": "break"}
    exits = [(stmt.range().start.index, leaving[stmt.kind()]) for stmt in block.named_children()
             if stmt.kind() in leaving]
    return [start for start, _ in exits], [kind for _, kind in exits]


def loop_accumulator(node: Node, metavariable: str) -> tuple[str, Node, Node] | None:
    """For a match run per iteration: the plain variable bound to ``metavariable``, the
    innermost loop that repeats the match, and the enclosing function; None when the bound
    node is not a plain name or the match is not in a loop of a function."""
    target = node.get_match(metavariable)
    loops = iteration_loops(node)
    if target is None or target.kind() != "identifier" or not loops:
        return None
    fn = function_of(node)
    return (target.text(), loops[0], fn) if fn is not None else None


def iteration_loops(node: Node) -> list[Node]:
    """Loops in ``node``'s own function that evaluate it once per iteration, innermost first.

    Code followed by an unconditional ``break`` runs at most once for that loop, and code
    followed by ``return``/``raise`` at most once for every loop around it.
    """
    loops: list[Node] = []
    skip_next = False
    for ancestor in node.ancestors():
        kind = ancestor.kind()
        if kind in FUNCTION_KINDS or kind == "class_definition":
            break
        if kind == "block":
            exit_kind = _exit_after(ancestor, node)
            if exit_kind == "return":
                break
            skip_next = skip_next or exit_kind == "break"
        if kind in LOOP_KINDS and kind in ("for_statement", "while_statement") and skip_next:
            skip_next = False
            continue
        if kind in LOOP_KINDS and _runs_per_iteration(node, ancestor):
            loops.append(ancestor)
    return loops


def _is_variable(ident: Node) -> bool:
    parent = ident.parent()
    if parent is None or parent.kind() not in ("attribute", "keyword_argument"):
        return True
    label = parent.field("attribute") if parent.kind() == "attribute" else parent.field("name")
    return label is None or label.range().start.index != ident.range().start.index


def names_in(node: Node) -> set[str]:
    """Variable names used inside ``node`` (itself included); ``.attr`` and ``kw=`` labels are not."""
    found = {child.text() for child in node.find_all(kind="identifier") if _is_variable(child)}
    if node.kind() == "identifier" and _is_variable(node):
        found.add(node.text())
    return found


def _binding_targets(stmt: Node) -> Node | None:
    kind = stmt.kind()
    if kind in ("named_expression",):
        return stmt.field("name")
    if kind == "as_pattern":
        return stmt.field("alias")
    if kind in ("delete_statement", "global_statement", "nonlocal_statement"):
        return stmt
    return stmt.field("left")


def changed_names(scope: Node, mutations: bool = True) -> frozenset[str]:
    """Names that ``scope`` binds or deletes, and (``mutations``) mutates through a method call.

    Kept per scope for the file: every match in a loop asks it of the same loop.
    """
    names: frozenset[str] = scope.remember((changed_names, mutations),
                                           lambda: _changed_names(scope, mutations))
    return names


def _changed_names(scope: Node, mutations: bool) -> frozenset[str]:
    changed: set[str] = set()
    for kind in _BINDING_KINDS:
        for stmt in scope.find_all(kind=kind):
            target = _binding_targets(stmt)
            if target is not None:
                changed |= names_in(target)
    if not mutations:
        return frozenset(changed)
    for call in scope.find_all(kind="call"):
        func = call.field("function")
        if func is None or func.kind() != "attribute":
            continue
        attr, obj = func.field("attribute"), func.field("object")
        if attr is not None and obj is not None and attr.text() in MUTATORS:
            changed |= names_in(obj)
    return frozenset(changed)


def _calls_only_pure(expr: Node) -> bool:
    calls = list(expr.find_all(kind="call"))
    if expr.kind() == "call":
        calls.append(expr)
    return all(call_name(call) in PURE_CALLS for call in calls)


def is_invariant(expr: Node, loop: Node) -> bool:
    """Whether ``expr`` names nothing ``loop`` binds or mutates and calls only pure builtins."""
    return _calls_only_pure(expr) and not names_in(expr) & changed_names(loop)


def loop_targets(loop: Node) -> set[str]:
    """Names a ``for`` loop or comprehension binds per iteration (empty for ``while``)."""
    if loop.kind() == "for_statement":
        left = loop.field("left")
        return names_in(left) if left is not None else set()
    found: set[str] = set()
    for clause in loop.children():
        if clause.kind() == "for_in_clause" and (left := clause.field("left")) is not None:
            found |= names_in(left)
    return found


def invariant_in_innermost(expr: Node, node: Node) -> Node | None:
    """The innermost loop running ``node`` per iteration, when ``expr`` is invariant in it."""
    loops = iteration_loops(node)
    if loops and not is_retry_loop(loops[0]) and is_invariant(expr, loops[0]):
        return loops[0]
    return None


def assignments_to(scope: Node, name: str) -> list[Node]:
    """Right-hand sides of plain ``name = value`` assignments inside ``scope``."""
    by_name: dict[str, list[Node]] = scope.remember(assignments_to, lambda: _assignments(scope))
    return list(by_name.get(name, ()))


def _assignments(scope: Node) -> dict[str, list[Node]]:
    """Every ``target = value`` inside ``scope``: the values by the target's text (asked once
    per scope for the file, since the predicates ask the same function about many names)."""
    by_name: dict[str, list[Node]] = {}
    for stmt in scope.find_all(kind="assignment"):
        left, right = stmt.field("left"), stmt.field("right")
        if left is not None and right is not None:
            by_name.setdefault(left.text(), []).append(right)
    return by_name


def module_imports(root: Node, module: str, name: str) -> bool:
    """Whether the file does ``from module import name`` (so bare ``name(...)`` is it)."""
    for stmt in root.find_all(kind="import_from_statement"):
        mod = stmt.field("module_name")
        if mod is None or mod.text() != module:
            continue
        for child in stmt.field_children("name"):
            target = child.field("name") if child.kind() == "aliased_import" else child
            if target is not None and target.text() == name:
                return True
    return False


def iterates_literal(loop: Node) -> bool:
    """Whether a ``for`` loop or comprehension runs over a literal collection or ``range(<int>)``."""
    if loop.kind() == "for_statement":
        source = loop.field("right")
    else:
        clauses = [c for c in loop.children() if c.kind() == "for_in_clause"]
        source = clauses[0].field("right") if clauses else None
    if source is None:
        return False
    if source.kind() in ("tuple", "list", "set", "string"):
        return True
    args = source.field("arguments") if source.kind() == "call" else None
    return (call_name(source) == "range" and args is not None
            and all(a.kind() == "integer" for a in args.named_children()))


def is_retry_loop(loop: Node) -> bool:
    """Whether a loop retries or polls until a deadline: it repeats rarely, or must redo the work."""
    head = loop.field("left") if loop.kind() == "for_statement" else loop.field("condition")
    source = loop.field("right") if loop.kind() == "for_statement" else None
    text = " ".join(n.text().lower() for n in (head, source) if n is not None)
    return any(word in text for word in ("retr", "attempt", "deadline", "timeout", "time(",
                                         "monotonic("))


def imports_module(root: Node, module: str) -> bool:
    """Whether the file does ``import module`` (so ``module.f(...)`` is that module's ``f``)."""
    for stmt in root.find_all(kind="import_statement"):
        for child in stmt.field_children("name"):
            target = child.field("name") if child.kind() == "aliased_import" else child
            alias = child.field("alias") if child.kind() == "aliased_import" else None
            if target is not None and target.text() == module and alias is None:
                return True
    return False


CACHE_DECORATORS = ("lru_cache", "functools.lru_cache", "cache", "functools.cache")


def decorator_names(definition: Node) -> list[str]:
    """Names of the decorators on a ``decorated_definition`` (``functools.lru_cache``, ...)."""
    names = []
    for dec in definition.children():
        if dec.kind() != "decorator":
            continue
        named = dec.named_children()
        expr = named[0] if named else dec
        if expr.kind() == "call":
            expr = expr.field("function") or expr
        names.append(str(expr.text()))
    return names
