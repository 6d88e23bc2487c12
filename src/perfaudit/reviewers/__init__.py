"""Reviewer registry and panel selection (built-ins plus the ``perfaudit.reviewers`` entry points)."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import entry_points

from perfaudit.config import Config
from perfaudit.errors import UsageError
from perfaudit.reviewers.base import Reviewer, ReviewerFactory
from perfaudit.reviewers.linters.golangci_lint import make_golangci_reviewer
from perfaudit.reviewers.linters.ruff import make_ruff_reviewer
from perfaudit.reviewers.linters.staticcheck import make_staticcheck_reviewer
from perfaudit.reviewers.llm.reviewer import make_llm_reviewer
from perfaudit.reviewers.rules import make_rules_reviewer
from perfaudit.reviewers.sarif import make_sarif_reviewer

# name or "prefix:" -> factory; a prefix entry serves every "prefix:ARG" reviewer name
BUILTIN_REVIEWERS: dict[str, ReviewerFactory] = {
    "rules": make_rules_reviewer,
    "openai:": make_llm_reviewer,
    "ollama:": make_llm_reviewer,
    "anthropic:": make_llm_reviewer,
    "cmd:": make_llm_reviewer,
    "staticcheck": make_staticcheck_reviewer,
    "golangci-lint": make_golangci_reviewer,
    "sarif:": make_sarif_reviewer,
    "ruff": make_ruff_reviewer,
}


def _registry() -> dict[str, ReviewerFactory]:
    registry = dict(BUILTIN_REVIEWERS)
    for entry in entry_points(group="perfaudit.reviewers"):
        registry.setdefault(entry.name, entry.load())
    return registry


def build_panel(names: Sequence[str], config: Config) -> list[Reviewer]:
    """Reviewers for ``names``; an unknown name is a usage error."""
    registry = _registry()
    panel: list[Reviewer] = []
    for name in dict.fromkeys(names):
        prefix = name.split(":", 1)[0] + ":" if ":" in name else name
        factory = registry.get(name) or registry.get(prefix)
        if factory is None:
            known = ", ".join(sorted(registry))
            raise UsageError(f"unknown reviewer {name!r} (known: {known})")
        panel.append(factory(name, config))
    return panel
