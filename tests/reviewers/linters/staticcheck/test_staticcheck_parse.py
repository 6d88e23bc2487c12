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
