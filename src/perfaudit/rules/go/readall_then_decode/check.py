"""``io.ReadAll`` of a non-HTTP reader whose bytes feed only ``Unmarshal``."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go import flow as goflow


def check(match: Match) -> bool:
    """Whether the unmarshalled bytes come only from ReadAll of a reader other than a body."""
    reader = goflow.readall_source(match.node)
    if reader is None or goflow.is_http_body(reader):
        return False
    return "TeeReader" not in reader.text()  # the full read also fills a copy
