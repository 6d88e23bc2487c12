"""Per-iteration deep copies, outside code whose job is copying (``model_copy``, ``__deepcopy__``)."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py


def _implements_copy(match: Match) -> bool:
    args = match.node.field("arguments")
    if args is not None and len(args.named_children()) > 1:
        return True  # deepcopy(value, memo): part of a __deepcopy__ implementation
    fn = py.function_of(match.node)
    label = fn.field("name") if fn is not None and fn.kind() == "function_definition" else None
    return label is not None and "copy" in label.text().lower()


def check(match: Match) -> bool:
    if not py.iteration_loops(match.node) or _implements_copy(match):
        return False
    name = common.call_name(match.node)
    return name == "copy.deepcopy" or py.module_imports(match.root, "copy", "deepcopy")
