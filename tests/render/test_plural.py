"""Counts in good English wherever a report or the console shows one: ``1 finding``,
``2 findings``, through one helper."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from panel_report import panel_report

from perfaudit.model import Report, ReviewerRun, Skip, Tier
from perfaudit.render import html, markdown
from perfaudit.wording import plural

SRC = Path(__file__).parents[2] / "src" / "perfaudit"


@pytest.mark.parametrize(("count", "noun", "many", "text"), [
    (0, "finding", None, "0 findings"),
    (1, "finding", None, "1 finding"),
    (2, "finding", None, "2 findings"),
    (1200, "line", None, "1,200 lines"),
    (1, "category", "categories", "1 category"),
    (3, "category", "categories", "3 categories"),
    (1, "match was", "matches were", "1 match was"),
])
def test_plural(count: int, noun: str, many: str | None, text: str) -> None:
    assert plural(count, noun, many) == text


def _one_of_each(report: Report) -> Report:
    first, *rest = report.findings
    lead = replace(rest[0], tier=Tier.LEAD)
    run = replace(report.audit.reviewers[0], not_reviewed=(Skip(path="x.go", reason="budget"),))
    audit = replace(report.audit, files_scanned=1, lines_scanned=1, hidden_by_baseline=1,
                    baseline="A1", reviewers=(run, ReviewerRun(name="other")))
    return replace(report, audit=audit, findings=(first, lead))


@pytest.mark.parametrize("render", [html.render, markdown.render])
def test_reports_count_one_of_each_in_the_singular(render) -> None:
    text = render(_one_of_each(panel_report()))
    assert "1 file," in text and "1 file (1 line)" in text
    assert "1 more match is a lead" in text
    assert "1 finding hidden by the baseline" in text
    assert "1 unique finding across 1 category" in text
    for wrong in ("1 files", "1 lines", "1 findings", "1 more matches", "(s)", "(es)"):
        assert wrong not in text


def test_markdown_counts_files_a_reviewer_left_out() -> None:
    text = markdown.render(_one_of_each(panel_report()))
    assert "did not review 1 file — budget: 1" in text


USER_TEXT = [*sorted((SRC / "render").glob("*.py")), *sorted((SRC / "render").glob("templates/*")),
             *sorted((SRC / "cli").glob("*.py")), *sorted((SRC / "verify").glob("*.py"))]


@pytest.mark.parametrize("path", USER_TEXT, ids=lambda p: p.relative_to(SRC).as_posix())
def test_no_parenthesised_plurals_in_user_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.findall(r"\w\((s|es)\)", text), "count with plural() instead"
