"""golangci-lint's JSON document into findings, for v1 and v2 output."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfaudit.model import Category, Severity
from perfaudit.reviewers.linters.golangci_lint import command_for, major_version, parse

HERE = Path(__file__).parent


def test_parse_v1_output_keeps_performance_linters() -> None:
    findings = parse((HERE / "output-v1.json").read_text())
    got = [(f.rule, f.category, f.severity, f.location.path, f.location.start_line)
           for f in findings]
    assert got == [
        ("prealloc", Category.ALLOCATION, Severity.P2, "internal/store/query.go", 24),
        ("bodyclose", Category.LEAK, Severity.P1, "internal/client/fetch.go", 19),
        ("SA6005", Category.ALLOCATION, Severity.P2, "internal/store/query.go", 40),
        ("gocritic:hugeParam", Category.ALLOCATION, Severity.P2, "internal/store/store.go", 8),
        ("govet:copylocks", Category.CONCURRENCY, Severity.P2, "internal/store/store.go", 44),
        ("perfsprint", Category.ALLOCATION, Severity.P2, "internal/store/query.go", 52),
        ("noctx", Category.LIFECYCLE, Severity.P2, "internal/client/fetch.go", 48),
    ]
    assert all(f.reviewer == "golangci-lint" for f in findings)
    assert findings[0].location.snippet == "var ids []string"
    assert findings[2].title == "should use strings.EqualFold instead"
    assert findings[3].title.startswith("cfg is heavy")


def test_parse_v2_output_reads_line_range_and_drops_quickfixes() -> None:
    findings = parse((HERE / "output-v2.json").read_text())
    assert [(f.rule, f.location.start_line, f.location.end_line) for f in findings] == [
        ("SA6000", 18, 19)]


def test_parse_skips_text_before_the_document() -> None:
    text = "level=warning msg=\"[runner] something\"\n" + (HERE / "output-v2.json").read_text()
    assert len(parse(text)) == 1


@pytest.mark.parametrize("text", ["", "Error: can't load config", "[1, 2]"])
def test_parse_rejects_output_without_document(text: str) -> None:
    with pytest.raises(ValueError, match=r"^no JSON document in output$"):
        parse(text)


@pytest.mark.parametrize(("text", "major"), [
    ("golangci-lint has version 1.59.1 built with go1.22.3 from 1a55854a on 2024-06-09", 1),
    ("golangci-lint has version v1.55.2 built with go1.21.4", 1),
    ("golangci-lint has version 2.1.6 built with go1.24.2 from eabc2638 on 2025-05-04", 2),
    ("garbage", 1),
])
def test_major_version(text: str, major: int) -> None:
    assert major_version(text) == major


def test_command_for_each_major_version() -> None:
    assert "--out-format=json" in command_for(1)
    v2 = command_for(2)
    assert "--output.json.path=stdout" in v2 and "--out-format=json" not in v2
    assert v2[-1] == "./..." and "--tests=false" in v2
