"""``sorted(invariant)`` per iteration, or ``xs.sort()`` where the loop never rebinds ``xs``.

``list.sort`` takes keyword arguments only, so ``np.sort(a)`` (a function) is not it.
"""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    loops = py.iteration_loops(match.node)
    if not loops or py.is_retry_loop(loops[0]):
        return False
    target = match.node.get_match("L")
    if target is not None:
        args = match.node.field("arguments")
        positional = [a for a in (args.named_children() if args is not None else [])
                      if a.kind() != "keyword_argument"]
        return (not positional and target.kind() in ("identifier", "attribute")
                and not py.names_in(target) & py.changed_names(loops[0], mutations=False))
    args = match.node.field("arguments")
    named = args.named_children() if args is not None else []
    return bool(named) and all(py.is_invariant(arg, loops[0]) for arg in named)
