"""Render the review prompt from its template files (Jinja2, undefined names are errors)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from perfaudit.reviewers.llm.batch import Batch
from perfaudit.reviewers.llm.schema import answer_schema_text

PROMPT_NAME = "review"
MAX_FINDINGS = 20
_DIR = Path(__file__).parent / "prompts"
_TEMPLATES = ("system.md.j2", "user.md.j2")


@dataclass(frozen=True, slots=True, kw_only=True)
class Prompt:
    """The two messages of one request."""

    system: str
    user: str

    def as_text(self) -> str:
        """Both messages as one text, for a local command reading stdin."""
        return f"{self.system}\n\n{self.user}"


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(_DIR), undefined=StrictUndefined,
                       keep_trailing_newline=False, trim_blocks=True, lstrip_blocks=True,
                       autoescape=False)


@cache
def prompt_version() -> str:
    """``review/<hash>``: changes whenever a template or the answer schema changes."""
    sha = hashlib.sha256()
    for name in _TEMPLATES:
        sha.update((_DIR / name).read_bytes())
    sha.update(answer_schema_text().encode())
    return f"{PROMPT_NAME}/{sha.hexdigest()[:12]}"


def _versions_line(batch: Batch, versions: Mapping[str, str]) -> str:
    languages = sorted({c.language.value for c in batch.chunks})
    return ", ".join(f"{lang} {versions.get(lang, '(version not declared)')}" for lang in languages)


def render_prompt(batch: Batch, versions: Mapping[str, str], repo_map: str,
                  schema_in_prompt: bool) -> Prompt:
    """The system and user messages for ``batch``."""
    env = _environment()
    languages = " and ".join(sorted({_label(c.language.value) for c in batch.chunks}))
    system = env.get_template("system.md.j2").render(
        languages=languages, max_findings=MAX_FINDINGS,
        schema_json=answer_schema_text() if schema_in_prompt else "")
    user = env.get_template("user.md.j2").render(
        versions=_versions_line(batch, versions), repo_map=repo_map, chunks=batch.chunks)
    return Prompt(system=system.strip(), user=user.strip())


def _label(language: str) -> str:
    return {"go": "Go", "python": "Python"}.get(language, language)


def language_list(batches: Sequence[Batch]) -> list[str]:
    """Languages present in ``batches``, sorted."""
    return sorted({c.language.value for b in batches for c in b.chunks})
