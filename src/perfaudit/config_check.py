"""Settings checked at the edge: pydantic validates what users write (a settings file, flags),
imported only when something is checked; what it finds wrong comes back as plain records.

``Checked`` names what a setting must be beyond its type (pydantic's ``Strict`` and ``Field``
constraints) without importing pydantic, so the settings' records can be defined, and
revived from what an earlier run validated, at no import cost.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from perfaudit.codec import adapter
from perfaudit.wording import plural

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Checked:
    """What a setting's value must be beyond its type: of exactly that type (``strict``: TOML's
    ``"4"`` is not a count), at least ``ge``, more than ``gt``, at least ``min_length`` long,
    and ``finite``."""

    strict: bool = True
    ge: float | None = None
    gt: float | None = None
    min_length: int | None = None
    finite: bool = False

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        """The schema pydantic checks ``source`` with, carrying these constraints."""
        from pydantic import Field, Strict

        limits: dict[str, Any] = {name: value for name, value in (
            ("ge", self.ge), ("gt", self.gt), ("min_length", self.min_length)) if value is not None}
        if self.finite:
            limits["allow_inf_nan"] = False
        metadata = [*([Strict()] if self.strict else []), *([Field(**limits)] if limits else [])]
        return handler.generate_schema(typing.Annotated[(source, *metadata)] if metadata else source)


class InvalidSettings(Exception):
    """What is wrong with settings: pydantic's error records as plain mappings (``type``,
    ``loc``, ``msg``, ``input``, ``ctx``), the first one first."""

    def __init__(self, errors: tuple[Mapping[str, Any], ...]) -> None:
        super().__init__(f"invalid settings: {plural(len(errors), 'problem')}")
        self.errors = errors


def validated(kind: type[T], settings: Mapping[str, Any]) -> T:
    """``settings`` checked and converted into ``kind`` (a dataclass whose fields say, with
    :class:`Checked`, what they accept); :class:`InvalidSettings` when they do not fit."""
    from pydantic import ValidationError

    try:
        return adapter(kind).validate_python(dict(settings))
    except ValidationError as exc:
        raise InvalidSettings(tuple(dict(error) for error in exc.errors())) from None
