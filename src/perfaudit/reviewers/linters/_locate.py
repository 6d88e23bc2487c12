"""Fill in what a linter leaves out of a location: the enclosing function and the snippet (pure).

Function names follow the rules engine (``(*Server).handle``, ``Parser.parse``) so findings
from linters match the other reviewers' findings in the same function.
"""

from __future__ import annotations

from dataclasses import replace

from perfaudit.model import Finding, Language
from perfaudit.syntax.functions import function_name
from perfaudit.syntax.node import Node, Root

_FUNCTION_KINDS = {
    Language.GO: ("function_declaration", "method_declaration"),
    Language.PYTHON: ("function_definition",),
}
_SNIPPET_CHARS = 200


def _functions(source: str, language: Language) -> list[Node]:
    root = Root(source, language).root()
    return [node for kind in _FUNCTION_KINDS[language] for node in root.find_all(kind=kind)]


def _innermost(functions: list[Node], line: int) -> Node | None:
    around = [fn for fn in functions
              if fn.range().start.line <= line - 1 <= fn.range().end.line]
    return max(around, key=lambda fn: fn.range().start.line, default=None)


def _snippet(lines: list[str], start: int, end: int) -> str:
    chosen = lines[max(start - 1, 0):max(end, start)]
    return "\n".join(line.strip() for line in chosen)[:_SNIPPET_CHARS]


def locate(findings: list[Finding], source: str, language: Language) -> list[Finding]:
    """Findings of one file with ``function`` and ``snippet`` filled where they were empty."""
    try:
        functions = _functions(source, language)
    except Exception:  # a file the parser rejects keeps its findings as they are
        functions = []
    lines = source.splitlines()
    out = []
    for finding in findings:
        loc = finding.location
        function = loc.function
        if function is None:
            node = _innermost(functions, loc.start_line)
            function = function_name(node, language) if node is not None else None
        snippet = loc.snippet or _snippet(lines, loc.start_line, loc.end_line)
        out.append(replace(finding, location=replace(loc, function=function, snippet=snippet)))
    return out
