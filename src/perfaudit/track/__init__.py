"""Findings over time: re-validation, baselines and triage (DESIGN §6)."""

from __future__ import annotations
