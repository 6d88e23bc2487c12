"""The answer an LLM reviewer must give: dataclasses, their validator and the JSON Schema sent out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import ConfigDict, TypeAdapter, ValidationError, with_config

from perfaudit.model import Category, Severity
from perfaudit.wording import plural


class Confidence(StrEnum):
    """How sure the model is that the cost is real."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


CONFIDENCE_SCORE = {Confidence.HIGH: 0.9, Confidence.MEDIUM: 0.6, Confidence.LOW: 0.3}


@with_config(ConfigDict(extra="forbid"))
@dataclass(frozen=True, slots=True, kw_only=True)
class AnswerFinding:
    """One finding as the model reports it, before grounding."""

    path: str
    start_line: int
    end_line: int
    quote: str
    function: str
    category: Category
    severity: Severity
    title: str
    problem: str
    fix: str
    impact: str
    effort: str
    risk: str
    testing: str
    confidence: Confidence


@with_config(ConfigDict(extra="forbid"))
@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """A whole answer for one batch."""

    findings: tuple[AnswerFinding, ...]


ANSWER_ADAPTER: TypeAdapter[Answer] = TypeAdapter(Answer)


def parse_answer(text: str) -> Answer | str:
    """The validated answer, or a one-line reason it is not valid JSON of the expected shape."""
    try:
        return ANSWER_ADAPTER.validate_json(text)
    except ValidationError as exc:
        return _first_error(exc)


def validate_answer_object(data: object) -> Answer | str:
    """Like :func:`parse_answer` for an already decoded object (a tool call's input)."""
    try:
        return ANSWER_ADAPTER.validate_python(data)
    except ValidationError as exc:
        return _first_error(exc)


def _first_error(exc: ValidationError) -> str:
    """One line naming where the answer first broke the schema, and how many errors it has."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "answer"
    return f"{where}: {first['msg']} ({plural(exc.error_count(), 'error')})"


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            return _inline(defs[ref.rsplit("/", 1)[-1]], defs)
        return {key: _inline(value, defs) for key, value in node.items()
                if key not in {"$defs", "description"}}
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    return node


@cache
def answer_schema_text() -> str:
    """The answer's JSON Schema with references inlined (strict structured outputs accept it)."""
    raw = ANSWER_ADAPTER.json_schema()
    return json.dumps(_inline(raw, raw.get("$defs", {})), sort_keys=True)


def answer_schema() -> dict[str, Any]:
    """A fresh copy of the answer's JSON Schema."""
    schema: dict[str, Any] = json.loads(answer_schema_text())
    return schema
