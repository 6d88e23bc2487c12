"""The Markdown report's panel sections: summary, agreement, unique, disagreements, method."""

from __future__ import annotations

from panel_report import ALPHA, BETA, panel_report

from perfaudit.render.markdown import render


def _section(text: str, heading: str) -> str:
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def test_summary_sentence_counts_the_panel() -> None:
    text = render(panel_report())
    assert (f"5 unique findings across 4 categories; 1 found by all reviewers, "
            f"1 by some reviewers, 1 only by rules, 1 only by {ALPHA}, 1 only by {BETA}; "
            "1 severity disagreement.") in text
    assert "By severity: P0: 1 · P1: 3 · P2: 1." in text


def test_agreement_and_unique_tables() -> None:
    text = render(panel_report())
    agreed = _section(text, "Found by all reviewers")
    assert agreed.count("\n|") == 3  # header, rule and one row
    assert "regexp compiled in a loop" in agreed
    assert "[`svc/a.go:10`](https://github.com/example/shop/blob/0123456789abcdef/svc/a.go#L10)" \
        in agreed
    some = _section(text, "Found by some reviewers")
    assert f"| {BETA}, {ALPHA} |" in some
    assert "time.After in a loop" in _section(text, "Only rules")
    assert "JSON re-encoded per request" in _section(text, f"Only {ALPHA}")
    only_beta = _section(text, f"Only {BETA}")
    assert "lock held during I/O" in only_beta
    assert "## Only staticcheck" not in text


def test_disagreement_shows_every_vote_and_the_reason() -> None:
    table = _section(render(panel_report()), "Severity disagreements (resolved)")
    assert f"| {BETA}: P2, {ALPHA}: P1, rules: P1 | P1 |" in table
    assert "| P1 | 2 of 3 votes (policy: evidence, ties go up) |" in table


def test_plan_and_metrics() -> None:
    text = render(panel_report())
    assert "### P0 — fix now" in text
    plan = _section(text, "Implementation plan")
    assert "**Phase 1 — fix now:** lock held during I/O" in plan
    assert "| 1200 ns/op, 3 allocs/op |" in plan


def test_details_name_reviewers_and_votes() -> None:
    details = _section(render(panel_report()), "Findings in detail")
    assert f"- **Reviewers:** {BETA}, {ALPHA}, rules (all)" in details
    assert f"- **Votes:** {BETA}: P2, {ALPHA}: P1, rules: P1" in details
    assert f"- *{BETA} saw it as:* map grows without bound" in details \
        or f"- *{ALPHA} saw it as:* map never pruned" in details


def test_method_lists_cost_and_coverage_per_reviewer() -> None:
    method = _section(render(panel_report()), "How this audit was made")
    assert f"| {ALPHA} | gpt-test | 5 | 1 | 3 | 0 | 0 | 30.00 | 12,000/900 | $0.42 |" in method
    assert f"| {BETA} | claude-test | 4 | 2 | 3 |" in method
    assert "| staticcheck (not available) | — | 0 | 6 |" in method
    assert "| **Total** | | | | 8 | 0 | 0 | 71.50 | 23,000/1,900 | $1.03 |" in method


def test_snippet_fence_outgrows_backticks_inside() -> None:
    from perfaudit.render.md_panel import fence_for

    assert fence_for("x := 1") == "```"
    assert fence_for("s := `raw ``` string`") == "````"
    text = render(panel_report(snippet="q := `a ``` b`"))
    assert "````\nq := `a ``` b`\n````" in text
