"""Reviewer registry and panel selection (built-ins plus the ``perfaudit.reviewers`` entry points)."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from perfaudit.config import Config
from perfaudit.errors import UsageError
from perfaudit.reviewers.base import Reviewer, ReviewerFactory

# name or "prefix:" -> factory, or "module:function" imported only when the reviewer is used
# (the LLM and linter modules cost more to import than a small audit takes to run);
# a prefix entry serves every "prefix:ARG" reviewer name
BUILTIN_REVIEWERS: dict[str, ReviewerFactory | str] = {
    "rules": "perfaudit.reviewers.rules:make_rules_reviewer",
    "openai:": "perfaudit.reviewers.llm.reviewer:make_llm_reviewer",
    "ollama:": "perfaudit.reviewers.llm.reviewer:make_llm_reviewer",
    "anthropic:": "perfaudit.reviewers.llm.reviewer:make_llm_reviewer",
    "cmd:": "perfaudit.reviewers.llm.reviewer:make_llm_reviewer",
    "staticcheck": "perfaudit.reviewers.linters.staticcheck:make_staticcheck_reviewer",
    "golangci-lint": "perfaudit.reviewers.linters.golangci_lint:make_golangci_reviewer",
    "sarif:": "perfaudit.reviewers.sarif:make_sarif_reviewer",
    "ruff": "perfaudit.reviewers.linters.ruff:make_ruff_reviewer",
}


def _registry() -> dict[str, ReviewerFactory | str]:
    from importlib.metadata import entry_points  # reading every package's metadata is slow

    registry = dict(BUILTIN_REVIEWERS)
    for entry in entry_points(group="perfaudit.reviewers"):
        registry.setdefault(entry.name, entry.load())
    return registry


def _factory(target: ReviewerFactory | str) -> ReviewerFactory:
    if not isinstance(target, str):
        return target
    module, _, name = target.partition(":")
    factory: ReviewerFactory = getattr(importlib.import_module(module), name)
    return factory


def build_panel(names: Sequence[str], config: Config) -> list[Reviewer]:
    """Reviewers for ``names``; an unknown name is a usage error."""
    registry: dict[str, ReviewerFactory | str] = BUILTIN_REVIEWERS
    panel: list[Reviewer] = []
    for name in dict.fromkeys(names):
        prefix = name.split(":", 1)[0] + ":" if ":" in name else name
        if name not in registry and prefix not in registry:
            registry = _registry()  # plug-ins are looked up only for names not built in
        factory = registry.get(name) or registry.get(prefix)
        if factory is None:
            known = ", ".join(sorted(registry))
            raise UsageError(f"unknown reviewer {name!r} (known: {known})")
        panel.append(_factory(factory)(name, config))
    return panel
