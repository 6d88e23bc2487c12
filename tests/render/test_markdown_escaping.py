"""Finding text in the Markdown report shows as typed: no raw HTML, links or images get through,
code spans survive, and no text breaks a table."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from panel_report import ALPHA, BETA, panel_report, raw

from perfaudit.consolidate import consolidate, plan_actions
from perfaudit.model import Category, Diagnostic, Evidence, Report, Severity
from perfaudit.render._text import cell, code, code_cell, inline
from perfaudit.render.markdown import render

markdown_it = pytest.importorskip("markdown_it")
# CommonMark with raw HTML allowed, as GitHub reads it before sanitising, plus GFM tables
MD = markdown_it.MarkdownIt("commonmark").enable("table")
REPO = "https://github.com/example/shop/blob/"
MARKDOWN_TAGS = {"h1", "h2", "h3", "p", "ul", "ol", "li", "strong", "em", "code", "pre", "table",
                 "thead", "tbody", "tr", "th", "td", "a", "blockquote", "br", "hr"}
HOSTILE = ('<script>alert(1)</script> <img src=x onerror=alert(2)> ![x](http://evil/i.png) '
           '[click](http://evil/) <http://evil/auto> <a href="http://evil/">a</a> &lt;b&gt; '
           'cell | break\n\n## Fake heading\n| x | y |\n`unclosed code')


class _Parsed(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.rows: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]
        if tag == "tr":
            self.rows.append(0)
        elif tag in ("td", "th"):
            self.rows[-1] += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markdown: str) -> _Parsed:
    parsed = _Parsed()
    parsed.feed(MD.render(markdown))
    return parsed


def _tables(markdown: str) -> list[list[int]]:
    """Cells per row, for every table in the rendered Markdown."""
    tables: list[list[int]] = []
    tokens = MD.parse(markdown)
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append(0)
        elif token.type in ("td_open", "th_open"):
            tables[-1][-1] += 1
    return tables


def _hostile_report(text: str) -> Report:
    extra = {"impact": text, "effort": text, "risk": text.strip(), "testing": text, "fix": text,
             "function": text, "evidence": (Evidence(kind="benchmark", summary=text),)}
    findings = [raw(ALPHA, "svc/a.go", 10, text, Severity.P1, **extra),
                raw(BETA, "svc/a.go", 10, f"other {text}", Severity.P2, **extra)]
    base = panel_report()
    diagnostics = (Diagnostic(source=ALPHA, kind="llm-rejected-finding", path=f"x{text}", line=3,
                              message=text),)
    audit = replace(base.audit, diagnostics=diagnostics, complete=False,
                    incomplete_reasons=(text,))
    consolidated = consolidate(findings, {})
    return Report(schema_version="1.0", audit=audit, findings=consolidated,
                  actions=plan_actions(consolidated))


def test_hostile_llm_text_is_neutralised() -> None:
    markdown = render(_hostile_report(HOSTILE))
    parsed = _parse(markdown)
    assert parsed.tags <= MARKDOWN_TAGS, parsed.tags - MARKDOWN_TAGS
    assert "img" not in parsed.tags and "script" not in parsed.tags
    assert parsed.hrefs and all(href.startswith(REPO) for href in parsed.hrefs)
    text = "".join(parsed.text)
    # shown as typed, on one line
    assert "<script>alert(1)</script>" in text and "![x](http://evil/i.png)" in text
    assert "[click](http://evil/)" in text and "&lt;b&gt;" in text
    assert "## Fake heading" in text and "`unclosed code" in text


def test_hostile_text_keeps_every_table_row_whole() -> None:
    markdown = render(_hostile_report(HOSTILE))
    tables = _tables(markdown)
    assert tables
    for rows in tables:
        assert len(set(rows)) == 1, rows  # every row has as many cells as the header
    assert "Fake heading" not in [line.strip("# ") for line in markdown.splitlines()
                                  if line.startswith("#")]


def test_rule_text_still_renders_its_code_spans() -> None:
    report = panel_report(title="[]byte to string and back to []byte before decoding")
    rule = report.findings[0]
    fixed = replace(rule, fix="Use a `strings.Builder` (`b.WriteString(x)`); Go < 1.22 "
                              "needs `make([]T, 0, n)` & a `map[K]struct{}`.")
    html = MD.render(render(Report(schema_version="1.0", audit=report.audit,
                                   findings=(fixed, *report.findings[1:]), actions=report.actions)))
    assert "<code>strings.Builder</code>" in html and "<code>b.WriteString(x)</code>" in html
    assert "<code>make([]T, 0, n)</code>" in html and "<code>map[K]struct{}</code>" in html
    assert "Go &lt; 1.22" in html and " &amp; a " in html
    assert "[]byte to string and back to []byte before decoding" in html


def test_inline_helpers() -> None:
    assert inline("Use `a|b` and [x](y)\n<b>") == "Use `a|b` and \\[x\\](y) &lt;b&gt;"
    assert inline("a \\ b ` c") == "a \\\\ b \\` c"
    assert cell("`a|b` | c") == "`a\\|b` \\| c"
    assert code("x := `raw`") == "`` x := `raw` ``"
    assert code("") == "" and code("plain") == "`plain`"
    assert code_cell("f|g") == "`f\\|g`"


TEXT = st.text(alphabet=st.sampled_from('ab <>&"\'`|/\n[]()!*_#\\:'), max_size=24)


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_any_text_stays_text(text: str) -> None:
    markdown = render(_hostile_report(text))
    parsed = _parse(markdown)
    assert parsed.tags <= MARKDOWN_TAGS, parsed.tags - MARKDOWN_TAGS
    assert all(href.startswith(REPO) for href in parsed.hrefs)
    for rows in _tables(markdown):
        assert len(set(rows)) == 1, rows


def test_member_titles_are_escaped() -> None:
    findings = [raw(ALPHA, "svc/a.go", 10, "map never pruned", Severity.P1, Category.LEAK),
                raw(BETA, "svc/a.go", 10, "map <img src=x> grows", Severity.P1, Category.LEAK)]
    consolidated = consolidate(findings, {})
    base = panel_report()
    markdown = render(Report(schema_version="1.0", audit=base.audit, findings=consolidated,
                             actions=plan_actions(consolidated)))
    assert "<img" not in markdown and "&lt;img src=x&gt;" in markdown
