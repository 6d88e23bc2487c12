"""Summaries for the heat model: the ones reviewers made, plus the files no reviewer parsed.

Reads files (the only I/O of the heat stage); a file that cannot be read or parsed simply has
no summary, and its code is of unknown heat.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from perfaudit.heat import summarize_tree
from perfaudit.heat.paths import is_hard, path_kind
from perfaudit.heat.summary import FileSummary
from perfaudit.langversion import NearestGoModule
from perfaudit.model import Language, SourceFile
from perfaudit.syntax.grammars import parse


def summaries_for(root: Path, files: Iterable[SourceFile], known: Iterable[FileSummary],
                  go_modules: NearestGoModule) -> list[FileSummary]:
    """A summary for every file outside cold places: ``known`` ones first, the rest parsed here."""
    have = {summary.path: summary for summary in known}
    for file in files:
        if file.path in have or is_hard(path_kind(file.path)):
            continue
        try:
            tree = parse((root / file.path).read_bytes(), file.language)
            module = go_modules.for_file(file.path).scope if file.language is Language.GO else ""
            have[file.path] = summarize_tree(file.path, tree.root_node, file.language, module)
        except (OSError, ValueError, RecursionError):
            continue
    return list(have.values())
