"""staticcheck's JSON lines into findings: performance checks kept, style and unused left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfaudit.model import Category, Severity
from perfaudit.reviewers.linters.staticcheck import command, parse

HERE = Path(__file__).parent


def test_parse_captured_output() -> None:
    findings = parse((HERE / "output.jsonl").read_text())
    got = [(f.rule, f.category, f.severity, f.location.path, f.location.start_line,
            f.location.end_line) for f in findings]
    assert got == [
        ("SA6000", Category.LOOP_INVARIANT_WORK, Severity.P1, "/home/ci/shop/search/match.go", 18, 18),
        ("SA6005", Category.ALLOCATION, Severity.P2, "/home/ci/shop/search/match.go", 31, 31),
        ("SA4006", Category.CORRECTNESS, Severity.P2, "/home/ci/shop/cart/cart.go", 27, 27),
        ("SA1015", Category.LEAK, Severity.P1, "/home/ci/shop/cart/expire.go", 9, 11),
    ]
    first = findings[0]
    assert first.reviewer == "staticcheck"
    assert first.title.startswith("calling regexp.MatchString in a loop")
    assert "regexp.MustCompile" in first.fix
    assert first.references == ("https://staticcheck.dev/docs/checks/#SA6000",)


def test_parse_empty_output_is_no_findings() -> None:
    assert parse("") == []
    assert parse("\n\n") == []


def test_parse_rejects_non_json() -> None:
    with pytest.raises(ValueError, match="line 1 is not JSON"):
        parse("-: pattern ./... matches no packages\n")


def test_command_asks_for_json_without_tests() -> None:
    assert command("svc") == ["staticcheck", "-f", "json", "-tests=false", "./..."]


def test_parse_output_captured_from_staticcheck_2023_1() -> None:
    findings = parse((HERE / "output-2023.1.jsonl").read_text())
    assert [(f.rule, f.location.start_line, f.location.end_line) for f in findings] == [
        ("SA6005", 24, 24), ("SA6002", 29, 29), ("SA1015", 34, 34)]
    assert findings[2].title == "using time.Tick leaks the underlying ticker"
    assert findings[2].category is Category.LEAK


@pytest.mark.parametrize(("message", "title"), [
    ("should use strings.EqualFold instead", "should use strings.EqualFold instead"),
    ("calling regexp.MatchString in a loop has poor performance, consider using regexp.Compile",
     "calling regexp.MatchString in a loop has poor performance"),
    ("word " * 40, ("word " * 20).strip() + "…"),
])
def test_short_title(message: str, title: str) -> None:
    from perfaudit.reviewers.linters.gochecks import short_title

    assert short_title(message) == title
