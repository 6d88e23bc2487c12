"""Reviewer ``sarif:PATH``: any tool's SARIF 2.1.0 file imported as one more reviewer."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from perfaudit.config import Config
from perfaudit.model import Diagnostic, Language, ReviewerRun, SourceFile
from perfaudit.reviewers.base import ReviewContext, ReviewResult
from perfaudit.reviewers.locate import locate_files
from perfaudit.reviewers.sarif_import import SarifImport, parse_sarif
from perfaudit.wording import plural

PREFIX = "sarif:"
_SUFFIX_LANGUAGE = {".go": Language.GO, ".py": Language.PYTHON, ".pyi": Language.PYTHON}


def reviewed_files(imported: SarifImport, files: Sequence[SourceFile]) -> frozenset[str]:
    """Files the tool looked at: its artifact list, else every file in its results' languages."""
    known = {f.path for f in files}
    if imported.artifacts is not None:
        return frozenset(imported.artifacts & known)
    languages = {_SUFFIX_LANGUAGE.get(Path(f.location.path).suffix) for f in imported.findings}
    return frozenset(f.path for f in files if f.language in languages)


class SarifReviewer:
    """Imports the SARIF log at ``path``; a missing or broken file leaves it unavailable."""

    revalidate_all = True
    """Reading a newer log costs nothing: re-validation gives it every file."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._path = Path(name.removeprefix(PREFIX)).expanduser()

    def _unavailable(self, message: str) -> ReviewResult:
        return ReviewResult(run=ReviewerRun(name=self.name, available=False), diagnostics=(
            Diagnostic(source=self.name, kind="reviewer-unavailable", message=message),))

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        """Read the log, keep results on discovered files, reject those outside the repository."""
        started = time.perf_counter()
        try:
            text = self._path.read_text(encoding="utf-8")
            imported = parse_sarif(text, str(ctx.root))
        except (OSError, UnicodeDecodeError) as exc:
            return self._unavailable(f"cannot read {self._path}: {exc}")
        except ValueError as exc:
            return self._unavailable(f"{self._path}: {exc}")
        reviewed = reviewed_files(imported, files)
        for done in range(1, len(files) + 1):
            ctx.progress(done)
        kept = [f for f in imported.findings if f.location.path in reviewed]
        diagnostics = list(imported.rejected)
        if len(kept) < len(imported.findings):
            diagnostics.append(Diagnostic(
                source=imported.tool, kind="outside-review",
                message=f"{plural(len(imported.findings) - len(kept), 'result')} on files perfaudit "
                        "does not review left out"))
        kept = locate_files(kept, ctx.root, {f.path: f.language for f in files})
        run = ReviewerRun(name=imported.tool, files_reviewed=len(reviewed), findings=len(kept),
                          rejected=len(imported.rejected),
                          duration_s=round(time.perf_counter() - started, 3))
        return ReviewResult(run=run, findings=tuple(kept), diagnostics=tuple(diagnostics),
                            reviewed=reviewed)


def make_sarif_reviewer(name: str, _config: Config) -> SarifReviewer:
    """Factory for the panel registry (``sarif:PATH``)."""
    return SarifReviewer(name)
