"""The HTML report's code: inline code spans, the lines around each finding, links to them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from panel_report import panel_report

from perfaudit.model import Excerpt, Report
from perfaudit.render.html import inline, render

EVIL = '<script>alert("x")</script>'


@pytest.mark.parametrize(("text", "html"), [
    ("use a `strings.Builder`", "use a <code>strings.Builder</code>"),
    ("`a` and `b`", "<code>a</code> and <code>b</code>"),
    ("`` a`b ``", "<code>a`b</code>"),
    ("` `` `", "<code>``</code>"),
    ("an unmatched ` stays", "an unmatched ` stays"),
    ("`x <y> & \"z\"`", "<code>x &lt;y&gt; &amp; &#34;z&#34;</code>"),
    (f"`{EVIL}` then {EVIL}", "<code>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</code> then "
                              "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"),
    ("`</code><script>`", "<code>&lt;/code&gt;&lt;script&gt;</code>"),
    ("no code", "no code"),
])
def test_inline_code_spans_are_escaped_then_converted(text: str, html: str) -> None:
    assert str(inline(text)) == html


def _with_text(report: Report, problem: str, fix: str) -> Report:
    findings = tuple(replace(f, problem=problem, fix=fix) for f in report.findings)
    return replace(report, findings=findings)


def test_problem_and_fix_show_code_spans_not_backticks() -> None:
    report = _with_text(panel_report(title="`regexp.MustCompile` in a loop"),
                        problem=f"`regexp.MustCompile` parses {EVIL} again",
                        fix="Hoist it: `var re = regexp.MustCompile(p)`.")
    html = render(report)
    assert "<code>regexp.MustCompile</code> in a loop</h3>" in html
    assert "<code>var re = regexp.MustCompile(p)</code>" in html
    assert "`" not in html
    assert "<script>" not in html


def _with_excerpt(report: Report, lines: tuple[str, ...], start: int) -> Report:
    first = report.findings[0]
    return replace(report, findings=(replace(first, excerpt=Excerpt(start_line=start, lines=lines)),
                                     *report.findings[1:]))


def test_the_lines_around_a_finding_are_shown_numbered_with_its_own_marked() -> None:
    report = panel_report()
    line = report.findings[0].location.start_line
    html = render(_with_excerpt(report, ("func f() {", f"\tx := {EVIL}", "}"), line - 1))
    assert '<pre class="excerpt"><code>' in html
    assert f'<span class="line"><span class="ln">{line - 1}</span>func f() {{</span>' in html
    assert (f'<span class="line hit"><span class="ln">{line}</span>\tx := '
            "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</span>") in html
    assert f'<span class="line"><span class="ln">{line + 1}</span>}}</span>' in html
    assert "<script>" not in html


def test_without_an_excerpt_the_snippet_is_shown() -> None:
    html = render(panel_report(snippet="re := regexp.MustCompile(p)"))
    assert "<pre><code>re := regexp.MustCompile(p)</code></pre>" in html
    assert 'class="excerpt"' not in html


def _audit_at(report: Report, url: str | None, commit: str | None) -> Report:
    return replace(report, audit=replace(report.audit, repository_url=url, commit=commit))


def test_locations_link_to_the_audited_commit_on_a_known_forge() -> None:
    html = render(_audit_at(panel_report(), "https://gitlab.com/group/shop", "0123abcd"))
    assert 'href="https://gitlab.com/group/shop/-/blob/0123abcd/svc/a.go#L10"' in html


@pytest.mark.parametrize(("url", "commit"), [
    ("https://bitbucket.org/example/shop", "0123abcd"),
    ("https://git.example.com/example/shop", "0123abcd"),
    ("https://github.com/example/shop", None),
    (None, "0123abcd"),
    ("https://user:s3cret@github.com/example/shop", "0123abcd"),
    ("http://github.com/example/shop", "0123abcd"),
    ("https://github.com/example/shop", "HEAD\"><script>"),
])
def test_no_link_for_unknown_hosts_without_a_commit_or_with_credentials(url, commit) -> None:
    html = render(_audit_at(panel_report(), url, commit))
    assert "/blob/" not in html and "s3cret" not in html
    assert "<code>svc/a.go:10</code>" in html
