"""Heat: how often code runs, and the tier each finding earns from it (DESIGN §10)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from perfaudit.heat.model import Heat, HeatModel, Level
from perfaudit.heat.summary import FileSummary
from perfaudit.langversion import GoModule
from perfaudit.model import Language

if TYPE_CHECKING:
    import tree_sitter as ts

__all__ = ["FileSummary", "Heat", "HeatModel", "Level", "summarize_tree"]


def summarize_tree(path: str, root: ts.Node, language: Language,
                   go_module: str = "") -> FileSummary:
    """The heat summary of a parsed file (its syntax facts live with the rules' facts);
    ``go_module`` is the path of a Go file's module, "" when unknown."""
    if language is Language.GO:
        from perfaudit.rules.facts.go.heat import summarize as summarize_go
        own = GoModule(None, go_module).owns if go_module else None
        return summarize_go(path, root, os.path.dirname(path) or ".", own)
    from perfaudit.rules.facts.python.heat import summarize as summarize_python
    return summarize_python(path, root)
