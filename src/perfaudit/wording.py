"""How perfaudit counts things in text, for every report, summary and diagnostic (pure)."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 finding``, ``2 findings``, ``1,200 lines``: the one way every report and summary
    counts things. ``many`` for irregular plurals (``plural(n, "match was", "matches were")``)."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {many or noun + 's'}"
