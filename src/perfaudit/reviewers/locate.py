"""Fill in what an outside tool leaves out of a location: the enclosing function and the snippet.

Function names follow the rules engine (``(*Server).handle``, ``Parser.parse``) so findings
from linters and imported SARIF logs match the other reviewers' findings in the same function.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

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


def locate_files(findings: Iterable[Finding], root: Path,
                 language: Language | Mapping[str, Language]) -> list[Finding]:
    """``findings`` read against their files under ``root`` and filled in by ``locate``.

    ``language`` is one language for every file, or each file's language by path. The result
    is grouped by file in path order; a file that cannot be read keeps its findings as they are.
    """
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.location.path, []).append(finding)
    out: list[Finding] = []
    for path, group in sorted(by_path.items()):
        try:
            source = (root / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            out += group
            continue
        out += locate(group, source, language if isinstance(language, Language) else language[path])
    return out
