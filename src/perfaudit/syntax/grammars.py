"""The tree-sitter grammars and parsers perfaudit's rules run on (one per process)."""

from __future__ import annotations

from functools import cache

import tree_sitter as ts
import tree_sitter_go
import tree_sitter_python

from perfaudit.model import Language


@cache
def grammar(language: Language) -> ts.Language:
    """The tree-sitter grammar for ``language``."""
    if language is Language.GO:
        return ts.Language(tree_sitter_go.language())
    return ts.Language(tree_sitter_python.language())


@cache
def _parser(language: Language) -> ts.Parser:
    return ts.Parser(grammar(language))


def parse(data: bytes, language: Language) -> ts.Tree:
    """Parse UTF-8 source bytes."""
    return _parser(language).parse(data)
