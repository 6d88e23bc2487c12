"""``io.ReadAll`` of an HTTP request or response body whose bytes feed only ``Unmarshal``."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go import flow as goflow


def check(match: Match) -> bool:
    """Whether the unmarshalled bytes come only from ReadAll of an HTTP body."""
    reader = goflow.readall_source(match.node)
    return reader is not None and goflow.is_http_body(reader)
