"""Whether an audit did all it was asked to: the reasons a run counts as incomplete (pure).

A run is incomplete when something the user asked for was not done: a reviewer failed or was
unavailable, a rule raised, a file was lost to a crash or could not be read, an LLM batch failed
or was not sent. Policy skips (size, binary, excluded, vendored, tests) are choices, not losses.
An incomplete run must never pass a gate as if it were complete.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from perfaudit.model import Diagnostic, ReviewerRun

# diagnostic kinds meaning work the user asked for was not done
LOSS_KINDS = frozenset({
    "reviewer-failed", "reviewer-unavailable", "llm-unavailable", "linter-failed",
    "scan-error", "rule-error", "engine-crash", "unreadable",
    "llm-request-failed", "llm-invalid-answer", "llm-budget",
})
_NAMED_PATHS = 3


def incomplete_reasons(reviewers: Sequence[ReviewerRun],
                       diagnostics: Sequence[Diagnostic]) -> tuple[str, ...]:
    """One line per kind of loss, naming up to three files; empty when the run is complete."""
    unavailable = [run.name for run in reviewers if not run.available]
    reasons = [f"reviewer {name} was not available" for name in unavailable]
    lost: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for diagnostic in diagnostics:
        if diagnostic.kind in LOSS_KINDS:
            lost[(diagnostic.source, diagnostic.kind)].append(diagnostic)
    for (source, kind), items in lost.items():
        if kind in {"reviewer-unavailable", "llm-unavailable"} and source in unavailable:
            continue  # already said above
        reasons.append(_reason(source, kind, items))
    return tuple(reasons)


def _reason(source: str, kind: str, items: list[Diagnostic]) -> str:
    paths = list(dict.fromkeys(d.path for d in items if d.path))
    if not paths:
        return f"{source}: {kind}: {items[0].message}"
    named = ", ".join(paths[:_NAMED_PATHS]) + (f" and {len(paths) - _NAMED_PATHS} more"
                                                if len(paths) > _NAMED_PATHS else "")
    files = "file" if len(paths) == 1 else "files"
    return f"{source}: {kind} in {len(paths)} {files} ({named})"
