"""The Report's JSON form, one adapter for every reader and writer of it (pure).

``findings.json`` (render/json.py), the history store and baselines all read and write this
form, so it lives here rather than in any one of them.

Reading validates with pydantic. Writing walks the report's frozen dataclasses directly:
building pydantic's serializer for the whole Report takes a tenth of a second, which every
audit would pay (a third of a one-file audit) for output that a walk of plain dataclasses,
enums and tuples gives byte for byte (tested against pydantic's own).
"""

from __future__ import annotations

import collections.abc
import dataclasses
import enum
import functools
import json
import math
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from perfaudit.model import Report

if TYPE_CHECKING:
    from pydantic import TypeAdapter


T = TypeVar("T")


def adapter(kind: type[T]) -> TypeAdapter[T]:
    """``kind``'s pydantic adapter, for reading what users and other tools write; pydantic is
    imported and the adapter built on first use (building one takes a while)."""
    return cast("TypeAdapter[T]", _adapter(cast(Any, kind)))


@functools.cache
def _adapter(kind: Any) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(kind)


def encode(report: Report, indent: int | None = None) -> str:
    """The report as JSON text (compact unless ``indent`` is given), as pydantic writes it."""
    return dumps(report, indent)


def dumps(value: Any, indent: int | None = None) -> str:
    """A record of perfaudit's as JSON text, byte for byte as pydantic writes it."""
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(plain(value), ensure_ascii=False, indent=indent, separators=separators)


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


def revive(kind: type[T], value: Any) -> T:
    """``value`` (JSON's types, as :func:`plain` wrote it) back as ``kind``, a frozen dataclass
    of perfaudit's own; ``ValueError`` for anything of another shape.

    For perfaudit's own stored data only (its result cache, its compiled settings): what it
    wrote a moment or a run ago is checked for shape, not validated field by field as
    pydantic validates what users and other tools write.
    """
    try:
        return cast(T, _reviver(cast(Any, kind))(value))
    except (TypeError, KeyError, AttributeError, ValueError) as exc:
        raise ValueError(f"not a stored {getattr(kind, '__name__', kind)}: {exc}") from exc


Reviver = Callable[[Any], Any]


@functools.cache
def _reviver(kind: Any) -> Reviver:
    """How to revive a value of ``kind``, worked out once per type."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is typing.Annotated:
        return _reviver(args[0])
    if origin in (types.UnionType, typing.Union):
        return _optional(args)
    if origin is typing.Literal:
        return functools.partial(_literal, args)
    if origin in (tuple, list, collections.abc.Sequence):
        return _sequence(origin, args)
    if origin in (dict, collections.abc.Mapping):
        return functools.partial(_mapping, _reviver(args[0]), _reviver(args[1]))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return functools.partial(_dataclass, kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind
    return functools.partial(_scalar, kind)


def _optional(args: tuple[Any, ...]) -> Reviver:
    inner = _reviver(next(a for a in args if a is not type(None)))
    if type(None) not in args:
        return inner
    return lambda value: None if value is None else inner(value)


def _literal(allowed: tuple[Any, ...], value: Any) -> Any:
    if value not in allowed:
        raise ValueError(f"{value!r} is not one of {allowed}")
    return value


def _sequence(origin: Any, args: tuple[Any, ...]) -> Reviver:
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        items = tuple(_reviver(a) for a in args)
        return lambda value: tuple(r(v) for r, v in zip(items, _array(value), strict=True))
    item, make = _reviver(args[0]), list if origin is list else tuple
    return lambda value: make(map(item, _array(value)))


def _array(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"expected an array, got {type(value).__name__}")
    return value


def _mapping(key: Reviver, item: Reviver, value: Any) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"expected an object, got {type(value).__name__}")
    return {key(k): item(v) for k, v in value.items()}


def _dataclass(kind: type, value: Any) -> Any:
    if not isinstance(value, dict):
        raise ValueError(f"expected an object for {kind.__name__}")
    fields = _field_revivers(kind)
    return kind(**{name: fields[name](item) for name, item in value.items() if name in fields})


@functools.cache
def _field_revivers(kind: type) -> dict[str, Reviver]:
    return {name: _reviver(hint) for name, hint in _hints(kind).items()}


def _scalar(kind: Any, value: Any) -> Any:
    if kind is Any:
        return value
    if kind is float:
        if type(value) not in (int, float):
            raise ValueError(f"expected a number, got {type(value).__name__}")
        return float(value)
    if kind in (str, int, bool, type(None)):
        if type(value) is not kind:
            raise ValueError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value
    raise ValueError(f"no way to revive a {kind!r}")


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    names = set(_field_names(kind))
    return {name: hint for name, hint in typing.get_type_hints(kind, include_extras=True).items()
            if name in names}


def decode(text: str | bytes) -> Report:
    """A report back from its JSON text, validated."""
    return adapter(Report).validate_json(text)
