"""The Report's JSON form, one adapter for every reader and writer of it (pure).

``findings.json`` (render/json.py), the history store and baselines all read and write this
form, so it lives here rather than in any one of them.

Reading validates with pydantic. Writing walks the report's frozen dataclasses directly:
building pydantic's serializer for the whole Report takes a tenth of a second, which every
audit would pay (a third of a one-file audit) for output that a walk of plain dataclasses,
enums and tuples gives byte for byte (tested against pydantic's own).
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import math
from typing import TYPE_CHECKING, Any

from perfaudit.model import Report

if TYPE_CHECKING:
    from pydantic import TypeAdapter


@functools.cache
def report_adapter() -> TypeAdapter[Report]:
    """The Report's pydantic adapter, built on first use (building it takes a while)."""
    from pydantic import TypeAdapter

    return TypeAdapter(Report)


def encode(report: Report, indent: int | None = None) -> str:
    """The report as JSON text (compact unless ``indent`` is given), as pydantic writes it."""
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(plain(report), ensure_ascii=False, indent=indent, separators=separators)


def plain(value: Any) -> Any:
    """``value`` as JSON's types: a dataclass as an object of its fields in order, an enum as
    its value, a tuple as a list, a float that is not finite as null (pydantic's defaults)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, (tuple, list, frozenset, set)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {plain(key) if isinstance(key, enum.Enum) else str(key): plain(item)
                for key, item in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(cls))


def decode(text: str | bytes) -> Report:
    """A report back from its JSON text, validated."""
    return report_adapter().validate_json(text)
