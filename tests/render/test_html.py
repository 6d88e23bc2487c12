"""The HTML report: self-contained, and everything it shows is escaped."""

from __future__ import annotations

from panel_report import ALPHA, panel_report

from perfaudit.render.html import render

EVIL = '<script>alert("x")</script>'


def test_html_escapes_titles_and_snippets() -> None:
    html = render(panel_report(title=f"regexp {EVIL} in a loop", snippet=f"x := {EVIL}"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert html.count("&lt;script&gt;") >= 4  # tables, disagreement, action, detail, snippet


def test_html_is_self_contained_and_has_the_panel_sections() -> None:
    html = render(panel_report())
    assert html.startswith("<!DOCTYPE html>")
    assert "<link" not in html and "src=" not in html
    for heading in ("Summary", "Found by all reviewers", "Found by some reviewers",
                    f"Only {ALPHA}", "Severity disagreements (resolved)", "Prioritised actions",
                    "Implementation plan", "Findings in detail", "How this audit was made"):
        assert f"<h2>{heading}</h2>" in html
    assert "5 unique findings across 4 categories" in html
    assert 'id="finding-1"' in html


def test_html_drops_links_that_are_not_web_links() -> None:
    from dataclasses import replace

    report = panel_report()
    report = replace(report, audit=replace(report.audit, repository_url="javascript:alert(1)//"))
    assert "javascript:" not in render(report)


def test_html_shows_triage_decisions_escaped() -> None:
    from dataclasses import replace

    from perfaudit.model import Triage, TriageStatus

    entry = Triage(fingerprint="abc123", status=TriageStatus.DEFERRED, reason=f"later {EVIL}",
                   title="lock")
    html = render(replace(panel_report(), triage=(entry,)))
    assert "<h2>Triage</h2>" in html and "deferred" in html and "<script>" not in html


def test_html_tags_are_balanced() -> None:
    from html.parser import HTMLParser

    class Balance(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []
            self.mismatched = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag not in {"meta", "br"}:
                self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            if self.stack and self.stack[-1] == tag:
                self.stack.pop()
            else:
                self.mismatched += 1

    checker = Balance()
    checker.feed(render(panel_report(title=EVIL)))
    assert checker.stack == [] and checker.mismatched == 0
