"""The shape of a source file for splitting and grounding: where definitions start, what is context."""

from __future__ import annotations

from dataclasses import dataclass

from perfaudit.model import Language
from perfaudit.syntax.functions import function_name
from perfaudit.syntax.node import Root

_UNIT_KINDS = {
    Language.GO: frozenset({"function_declaration", "method_declaration"}),
    Language.PYTHON: frozenset({"function_definition", "class_definition", "decorated_definition"}),
}
_CONTEXT_KINDS = {
    Language.GO: frozenset({"package_clause", "import_declaration", "type_declaration"}),
    Language.PYTHON: frozenset({"import_statement", "import_from_statement",
                                "future_import_statement"}),
}
_NAMED_FUNCTION_KINDS = {
    Language.GO: ("function_declaration", "method_declaration"),
    Language.PYTHON: ("function_definition",),
}
_COMMENT_PREFIXES = ("//", "#")


@dataclass(frozen=True, slots=True, kw_only=True)
class Function:
    """A named function or method and its lines (1-based, inclusive)."""

    name: str
    start_line: int
    end_line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Outline:
    """Where a file may be cut, which lines give context, and its named functions."""

    cuts: tuple[int, ...] = ()
    context: tuple[int, ...] = ()
    class_headers: tuple[tuple[int, int], ...] = ()  # (header line, last line of the class)
    functions: tuple[Function, ...] = ()


def _lines(node: object) -> tuple[int, int]:
    rng = node.range()  # type: ignore[attr-defined]
    return rng.start.line + 1, rng.end.line + 1


def _with_leading_comments(start: int, lines: list[str]) -> int:
    while start > 1 and lines[start - 2].strip().startswith(_COMMENT_PREFIXES):
        start -= 1
    return start


def _class_node(node: object) -> object | None:
    kind = node.kind()  # type: ignore[attr-defined]
    if kind == "class_definition":
        return node
    if kind == "decorated_definition":
        inner = node.field("definition")  # type: ignore[attr-defined]
        return inner if inner is not None and inner.kind() == "class_definition" else None
    return None


def _method_cuts(cls: object, lines: list[str]) -> list[int]:
    body = cls.field("body")  # type: ignore[attr-defined]
    if body is None:
        return []
    return [_with_leading_comments(_lines(child)[0], lines) for child in body.children()
            if child.kind() in {"function_definition", "decorated_definition"}]


def outline(text: str, language: Language) -> Outline:
    """The outline of ``text``; a file that does not parse gives an empty one."""
    root = Root(text, language).root()
    lines = text.split("\n")
    cuts: list[int] = []
    context: list[int] = []
    headers: list[tuple[int, int]] = []
    for child in root.children():
        kind = child.kind()
        start, end = _lines(child)
        if kind in _CONTEXT_KINDS[language]:
            context.extend(range(start, end + 1))
        elif kind in _UNIT_KINDS[language]:
            cuts.append(_with_leading_comments(start, lines))
            cls = _class_node(child)
            if cls is not None:
                headers.append((_lines(cls)[0], end))
                cuts.extend(_method_cuts(cls, lines))
    functions = tuple(
        Function(name=function_name(node, language), start_line=_lines(node)[0],
                 end_line=_lines(node)[1])
        for kind in _NAMED_FUNCTION_KINDS[language] for node in root.find_all(kind=kind))
    return Outline(cuts=tuple(sorted(set(cuts))), context=tuple(context),
                   class_headers=tuple(headers), functions=functions)


def enclosing_function(functions: tuple[Function, ...], line: int) -> str | None:
    """Name of the innermost function around ``line``, as the rules reviewer names it."""
    around = [f for f in functions if f.start_line <= line <= f.end_line]
    if not around:
        return None
    return min(around, key=lambda f: f.end_line - f.start_line).name
