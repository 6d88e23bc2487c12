"""The Report's JSON form, one adapter for every reader and writer of it (pure).

``findings.json`` (render/json.py), the history store and baselines all read and write this
form, so it lives here rather than in any one of them.
"""

from __future__ import annotations

import functools

from pydantic import TypeAdapter

from perfaudit.model import Report


@functools.cache
def report_adapter() -> TypeAdapter[Report]:
    """The Report's pydantic adapter, built on first use (building it takes a while)."""
    return TypeAdapter(Report)


def encode(report: Report, indent: int | None = None) -> str:
    """The report as JSON text (compact unless ``indent`` is given)."""
    return report_adapter().dump_json(report, indent=indent).decode("utf-8")


def decode(text: str | bytes) -> Report:
    """A report back from its JSON text, validated."""
    return report_adapter().validate_json(text)
