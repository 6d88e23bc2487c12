"""Every report perfaudit can produce renders to valid SARIF and escaped HTML."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from perfaudit.consolidate import consolidate, plan_actions
from perfaudit.model import AuditInfo, Category, Finding, Location, Report, ReviewerRun, Severity
from perfaudit.render.html import render as render_html
from perfaudit.render.markdown import render as render_markdown
from perfaudit.render.sarif import render as render_sarif

VALIDATOR = jsonschema.Draft7Validator(json.loads(
    (Path(__file__).parents[1] / "schemas" / "sarif-schema-2.1.0.json").read_text()))
TEXT = st.text(alphabet=st.sampled_from('ab <>&"\'`|/\n'), max_size=12)


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    start = draw(st.integers(1, 30))
    return Finding(
        reviewer=draw(st.sampled_from(("rules", "x:m", "y:m"))),
        rule=draw(st.sampled_from((None, "r-1"))), category=draw(st.sampled_from(list(Category))),
        severity=draw(st.sampled_from(list(Severity))), title=draw(TEXT), problem=draw(TEXT),
        fix=draw(TEXT), location=Location(path=draw(st.sampled_from(("a.go", "d/b.py"))),
                                          start_line=start, end_line=start + draw(st.integers(0, 3)),
                                          function=draw(st.sampled_from((None, "f"))),
                                          snippet=draw(TEXT)))


TEMPLATE_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "strong",
                 "code", "table", "tr", "th", "td", "a", "span", "ul", "ol", "li", "em", "br",
                 "section", "pre"}


def _tags(html: str) -> set[str]:
    """Every start tag in ``html``: text that was not escaped would add tags of its own."""
    found: set[str] = set()

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            found.add(tag)

    Collect().feed(html)
    return found


def _report(raw: list[Finding]) -> Report:
    result = consolidate(raw, {})
    runs = tuple(ReviewerRun(name=n) for n in ("rules", "x:m", "y:m"))
    audit = AuditInfo(id="t", target="/r", commit=None, started="2026-11-23T00:00:00+00:00",
                      finished="2026-11-23T00:00:01+00:00", tool_version="0", reviewers=runs)
    return Report(schema_version="1.0", audit=audit, findings=result, actions=plan_actions(result))


@settings(max_examples=25, deadline=None)
@given(st.lists(findings(), max_size=8))
def test_sarif_always_validates_and_html_always_escapes(raw: list[Finding]) -> None:
    report = _report(raw)
    errors = list(VALIDATOR.iter_errors(json.loads(render_sarif(report))))
    assert errors == []
    tags = _tags(render_html(report))
    assert tags <= TEMPLATE_TAGS, tags - TEMPLATE_TAGS
    assert render_markdown(report).endswith("\n")
