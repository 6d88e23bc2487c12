"""Heat: how often code runs, and the tier each finding earns from it (DESIGN §10)."""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from perfaudit.heat.model import Heat, HeatModel, Level
from perfaudit.heat.summary import FileSummary
from perfaudit.langversion import owns_import
from perfaudit.model import Language

if TYPE_CHECKING:
    import tree_sitter as ts

__all__ = ["FileSummary", "Heat", "HeatModel", "Level", "summarize_tree"]


def summarize_tree(path: str, root: ts.Node, language: Language,
                   go_modules: str = "") -> FileSummary:
    """The heat summary of a parsed file (its syntax facts live with the rules' facts);
    ``go_modules`` are the paths of the modules a Go file's tree holds (``GoModule.scope``),
    "" when unknown."""
    if language is Language.GO:
        from perfaudit.rules.facts.go.heat import summarize as summarize_go
        modules = go_modules.split()
        own = functools.partial(owns_import, modules) if modules else None
        return summarize_go(path, root, os.path.dirname(path) or ".", own)
    from perfaudit.rules.facts.python.heat import summarize as summarize_python
    return summarize_python(path, root)
