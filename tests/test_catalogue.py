"""Every rule folder: valid rule.yml, bad example fires exactly on `expect:` lines, good is silent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perfaudit.rules.catalogue import example_paths, load_rule, rule_folders
from perfaudit.rules.catalogue.docs import render_catalogue
from perfaudit.rules.catalogue.schema import Rule
from perfaudit.rules.engine.scan import scan_source

FOLDERS = rule_folders()
REPO = Path(__file__).resolve().parents[1]
_VERSION = re.compile(r"perfaudit-test-version:\s*(\S+)")


def _annotated(source: str, tag: str, rule_id: str) -> set[int]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(tag)}:\s*[\w\-, ]*\b{re.escape(rule_id)}\b")
    return {n for n, line in enumerate(source.splitlines(), 1) if pattern.search(line)}


def _flagged(rule: Rule, path: Path) -> tuple[set[int], str]:
    source = path.read_text(encoding="utf-8")
    declared = _VERSION.search(source)
    result = scan_source(path.name, source, rule.language, [rule],
                         declared.group(1) if declared else None)
    return {f.location.start_line for f in result.findings}, source


def test_catalogue_is_not_empty() -> None:
    assert len(FOLDERS) >= 1


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_rule_metadata(folder: Path) -> None:
    rule = load_rule(folder)
    assert "\n" not in rule.message, "message must be one line"
    assert rule.meta.title and rule.meta.problem and rule.meta.fix
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.id), "ids are kebab-case"
    if rule.note:
        assert "## Why is this slow?" in rule.note and "## Use instead" in rule.note


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_bad_example_fires_on_expect_lines(folder: Path) -> None:
    rule = load_rule(folder)
    bad, _ = example_paths(rule)
    flagged, source = _flagged(rule, bad)
    expected = _annotated(source, "expect", rule.id)
    tolerated = _annotated(source, "todo-ok", rule.id)
    assert expected, f"{bad} has no `expect: {rule.id}` line"
    missing = sorted(expected - flagged)
    noisy = sorted(flagged - expected - tolerated)
    assert not missing and not noisy, f"Missing: {missing}  Noisy: {noisy}"


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_good_example_is_silent(folder: Path) -> None:
    rule = load_rule(folder)
    _, good = example_paths(rule)
    flagged, source = _flagged(rule, good)
    noisy = sorted(flagged - _annotated(source, "todo-ok", rule.id))
    assert not noisy, f"Noisy: {noisy}"


@pytest.mark.parametrize("language", ["go", "python"])
def test_one_combined_pass_equals_rule_by_rule(language: str) -> None:
    rules = [r for r in (load_rule(f) for f in FOLDERS) if r.language.value == language]
    for rule in rules:
        for example in example_paths(rule):
            source = example.read_text(encoding="utf-8")
            declared = _VERSION.search(source)
            version = declared.group(1) if declared else None
            together = scan_source("x", source, rule.language, rules, version).findings
            alone = {(f.rule, f.location.start_line)
                     for other in rules
                     for f in scan_source("x", source, rule.language, [other], version).findings}
            assert {(f.rule, f.location.start_line) for f in together} == alone, example


def test_rules_doc_is_current() -> None:
    rules = [load_rule(folder) for folder in FOLDERS]
    doc = REPO / "docs" / "rules.md"
    assert doc.read_text(encoding="utf-8") == render_catalogue(rules), (
        "docs/rules.md is stale: run `make docs`"
    )
