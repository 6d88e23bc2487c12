"""perfaudit's rule evaluator agrees with ast-grep on every rule and example in the catalogue.

Rule files are written in ast-grep's schema; perfaudit evaluates them on tree-sitter nodes.
Each rule's syntactic matches (before its ``check.py``) must be the very nodes ast-grep finds,
in its bad and good examples and in the two example services, and a rule's anchors (declared,
or read off its patterns) must occur inside every one of them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ast_grep_py import SgRoot

from perfaudit.model import Language
from perfaudit.rules.catalogue import example_paths, load_catalogue
from perfaudit.rules.catalogue.schema import Rule
from perfaudit.rules.engine.candidates import anchors_of, matches
from perfaudit.syntax.node import Root

REPO = Path(__file__).resolve().parents[3]
RULES = load_catalogue()
_EXT = {Language.GO: "*.go", Language.PYTHON: "*.py"}
_SERVICES = {Language.GO: REPO / "examples" / "go-service",
             Language.PYTHON: REPO / "examples" / "py-service"}


def _sources(rule: Rule) -> list[Path]:
    return [*example_paths(rule), *sorted(_SERVICES[rule.language].rglob(_EXT[rule.language]))]


def _spans_ast_grep(rule: Rule, source: str) -> list[tuple[int, int]]:
    root = SgRoot(source, rule.language.value).root()
    found = {(n.range().start.line, n.range().start.column, n.range().end.line, n.range().end.column)
             for n in root.find_all(dict(rule.matcher))}
    return sorted(found)


def _spans_perfaudit(rule: Rule, source: str) -> tuple[list[tuple[int, int]], list[str]]:
    root = Root(source, rule.language).root()
    spans, texts = set(), []
    for _, node in matches(root, [rule]):
        rng = node.range()
        spans.add((rng.start.line, rng.start.column, rng.end.line, rng.end.column))
        texts.append(node.text())
    return sorted(spans), texts


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_matches_equal_ast_grep(rule: Rule) -> None:
    for path in _sources(rule):
        source = path.read_text(encoding="utf-8")
        if not source.isascii():
            continue  # ast-grep counts columns in characters, tree-sitter in bytes
        ours, _ = _spans_perfaudit(rule, source)
        assert ours == _spans_ast_grep(rule, source), f"{rule.id} differs on {path.name}"


ANCHORED = [r for r in RULES if anchors_of(r)]


def _holds(anchor: str, text: str) -> bool:
    if anchor.startswith("re:"):
        return re.search(anchor[3:], text) is not None
    prefix = anchor.startswith("^")
    anchor = anchor[1:] if prefix else anchor
    if anchor.startswith("(?i)"):
        anchor, text = anchor[4:].lower(), text.lower()
    return text.startswith(anchor) if prefix else anchor in text


@pytest.mark.parametrize("rule", ANCHORED, ids=[r.id for r in ANCHORED])
def test_anchors_occur_in_every_match(rule: Rule) -> None:
    anchors = anchors_of(rule)
    for path in _sources(rule):
        source = path.read_text(encoding="utf-8")
        root = SgRoot(source, rule.language.value).root()
        for node in root.find_all(dict(rule.matcher)):
            text = node.text()
            assert any(_holds(anchor, text) for anchor in anchors), (
                f"{rule.id}: no anchor in {text[:80]!r} ({path.name})")
