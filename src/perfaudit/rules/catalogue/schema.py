"""The rule record and perfaudit's fields under a rule's ``metadata:`` (validated at load)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from perfaudit.model import Category, Language, Severity

if TYPE_CHECKING:

    from perfaudit.rules.engine.match import Match


class RuleStatus(StrEnum):
    """Maturity: preview rules run only when selected or with ``--preview``."""

    STABLE = "stable"
    PREVIEW = "preview"


_FORBID_EXTRA: dict[str, Any] = {"extra": "forbid"}  # pydantic's ConfigDict: unknown keys are errors


@dataclass(frozen=True, slots=True, kw_only=True)
class VersionOverride:
    """Different wording or severity for a range of language versions."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _FORBID_EXTRA

    min_version: str | None = None
    max_version: str | None = None
    severity: Severity | None = None
    problem: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleMeta:
    """perfaudit's own rule fields, kept under ast-grep's free ``metadata:`` map."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _FORBID_EXTRA

    category: Category
    severity: Severity
    title: str
    problem: str
    fix: str
    impact: str
    effort: str
    risk: str
    testing: str
    references: tuple[str, ...] = ()
    min_version: str | None = None
    max_version: str | None = None
    by_version: tuple[VersionOverride, ...] = ()
    literals: tuple[str, ...] = ()  # the rule runs only on files holding one of these
    # every match holds one: ``(?i)`` in any case, ``^`` at its start, ``re:`` a regex
    anchors: tuple[str, ...] = ()
    status: RuleStatus = RuleStatus.STABLE
    context_severity: bool = True

CheckFn = Callable[["Match"], bool]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A loaded rule: ast-grep matcher, perfaudit metadata and an optional predicate."""

    id: str
    language: Language
    message: str
    note: str
    matcher: Mapping[str, Any]
    meta: RuleMeta
    folder: str
    check: CheckFn | None = None

    @property
    def is_preview(self) -> bool:
        """Whether the rule is off unless selected."""
        return self.meta.status is RuleStatus.PREVIEW
