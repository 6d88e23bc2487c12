"""A costly reviewer (an LLM) is asked again only about changed files it found something in;
one that cannot run is judged by the code its findings quoted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from perfaudit.config import Config
from perfaudit.model import (
    Agreement,
    AuditInfo,
    Category,
    ConsolidatedFinding,
    Location,
    Report,
    ReviewerRun,
    Severity,
    SourceFile,
    Status,
)
from perfaudit.pipeline import Hooks
from perfaudit.reviewers.base import ReviewContext, ReviewResult
from perfaudit.track import service
from perfaudit.track.revalidate import revalidate


class Costly:
    """Records the files it is given; ``available`` False plays a provider that is down."""

    name = "llm:model"

    def __init__(self, available: bool) -> None:
        self.available = available
        self.asked: list[str] = []

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        self.asked = [f.path for f in files]
        return ReviewResult(run=ReviewerRun(name=self.name, available=self.available),
                            reviewed=frozenset(self.asked) if self.available else frozenset())


def _finding(number: int, path: str, snippet: str) -> ConsolidatedFinding:
    return ConsolidatedFinding(
        number=number, fingerprint=f"{number:016x}", rule=None, category=Category.CACHING,
        severity=Severity.P1, title="t", problem="p", fix="x",
        location=Location(path=path, start_line=3, end_line=3, function="f", snippet=snippet),
        reviewers=("llm:model",), agreement=Agreement.SINGLE)


@pytest.fixture
def earlier(make_repo: Callable[[dict[str, str | bytes]], Path]) -> tuple[Path, Report]:
    body = "def f():\n    pass\n    graders = build_graders(spec)\n"
    root = make_repo({"a.py": body, "b.py": body, "c.py": body})
    report = Report(schema_version="1.0", audit=AuditInfo(
        id="A", target=str(root), commit=None, started="s", finished="f", tool_version="0",
        reviewers=(ReviewerRun(name="llm:model"),)),
        findings=(_finding(1, "a.py", "graders = build_graders(spec)"),
                  _finding(2, "b.py", "graders = build_graders(spec)")))
    return root, report


def test_only_changed_files_with_earlier_findings_are_asked(
        earlier: tuple[Path, Report], monkeypatch: pytest.MonkeyPatch) -> None:
    root, report = earlier
    digests = {"a.py": "old", "b.py": "old", "c.py": "old"}
    now = service.history.file_digests(root, ["b.py"])
    digests["b.py"] = now["b.py"]  # b.py unchanged; a.py and c.py changed
    costly = Costly(available=True)
    monkeypatch.setattr(service, "_panel", lambda _names, _config: [costly])
    state = service.current_state(root, report, Config(jobs=1, cache=False), digests, Hooks())
    assert costly.asked == ["a.py"]
    out = revalidate(report, state, "d")
    assert [f.status for f in out.findings] == [Status.FIXED, Status.STILL_PRESENT]


def test_a_reviewer_that_cannot_run_is_judged_by_its_quotes(
        earlier: tuple[Path, Report], monkeypatch: pytest.MonkeyPatch) -> None:
    root, report = earlier
    (root / "b.py").write_text("def f():\n    pass\n")
    monkeypatch.setattr(service, "_panel", lambda _names, _config: [Costly(available=False)])
    state = service.current_state(root, report, Config(jobs=1, cache=False), {}, Hooks())
    out = revalidate(report, state, "d")
    assert [(f.status, f.status_reason) for f in out.findings] == [
        (Status.STILL_PRESENT,
         "the quoted code is still in a.py (line 3); llm:model did not look again"),
        (Status.FIXED, "the quoted code is no longer in b.py; llm:model did not look again")]
