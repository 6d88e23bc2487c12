"""LLM reviewers: batches of redacted, line-numbered code in; grounded findings out."""

from __future__ import annotations
