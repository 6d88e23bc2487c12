"""``findings.json``: the machine-readable contract, and its JSON Schema (pure)."""

from __future__ import annotations

import json
from typing import Any

from perfaudit.codec import adapter, decode, encode
from perfaudit.model import Report

SCHEMA_ID = "https://perfaudit.dev/schemas/findings-1.0.json"


def render(report: Report) -> str:
    """The report as indented JSON."""
    return encode(report, indent=2) + "\n"


def load(text: str) -> Report:
    """Read a ``findings.json`` back into a Report (validating it)."""
    return decode(text)


def json_schema() -> dict[str, Any]:
    """JSON Schema of ``findings.json``, generated from the model."""
    schema = adapter(Report).json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    """The schema as the text shipped in ``perfaudit/data/findings.schema.json``."""
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
