"""Read, redact and outline the files an LLM reviewer will send; leave out the ones it cannot."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from perfaudit.config import ProviderSettings
from perfaudit.model import Diagnostic, Skip, SourceFile
from perfaudit.reviewers.llm.batch import FileText, estimate_tokens
from perfaudit.reviewers.llm.outline import outline
from perfaudit.reviewers.llm.redact import redact


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    """Files ready to batch, plus those left out and what was noticed on the way."""

    files: tuple[FileText, ...] = ()
    skipped: tuple[Skip, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    by_path: Mapping[str, FileText] = field(default_factory=dict)


def _read(root: Path, path: str) -> str | OSError | UnicodeDecodeError:
    try:
        return (root / path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return exc


def prepare_files(files: Sequence[SourceFile], root: Path, settings: ProviderSettings,
                  reviewer: str) -> Prepared:
    """Redacted, outlined texts of ``files``; unreadable and oversized files are skipped."""
    ready: list[FileText] = []
    skipped: list[Skip] = []
    diagnostics: list[Diagnostic] = []
    for source in sorted(files, key=lambda f: f.path):
        text = _read(root, source.path)
        if not isinstance(text, str):
            skipped.append(Skip(path=source.path, reason=f"unreadable: {type(text).__name__}"))
            continue
        tokens = estimate_tokens(text)
        if tokens > settings.max_file_tokens:
            skipped.append(Skip(path=source.path, reason=f"too large for LLM review "
                                f"(~{tokens:,} tokens > max_file_tokens {settings.max_file_tokens:,})"))
            continue
        redaction = redact(text)
        if redaction.lines:
            lines = ", ".join(map(str, redaction.lines[:10]))
            diagnostics.append(Diagnostic(
                source=reviewer, kind="secret-redacted", path=source.path, line=redaction.lines[0],
                message=f"secret-looking text masked before sending (lines {lines})"))
        ready.append(FileText(path=source.path, language=source.language, text=redaction.text,
                              outline=outline(redaction.text, source.language)))
    return Prepared(files=tuple(ready), skipped=tuple(skipped), diagnostics=tuple(diagnostics),
                    by_path={f.path: f for f in ready})
