"""Fingerprints v1: stable when lines move, distinct for identical patterns in one function."""

from __future__ import annotations

from dataclasses import replace

from perfaudit.fingerprint import assign_fingerprints, base_key, normalise_snippet
from perfaudit.model import Language
from perfaudit.rules.catalogue import load_catalogue, select_rules
from perfaudit.rules.engine.scan import scan_source

RULES = select_rules(load_catalogue(), ["time-after-in-loop"])
GO = "1.22"  # the rule applies only before Go 1.23's timer change
LOOP = """func {name}(ch chan int, d time.Duration) {{
\tfor {{
\t\tselect {{
\t\tcase <-ch:
\t\tcase <-time.After(d):
\t\t}}
\t\tselect {{
\t\tcase <-ch:
\t\tcase <-time.After(d):
\t\t}}
\t}}
}}
"""


def prints(source: str) -> list[str]:
    findings = list(scan_source("x.go", source, Language.GO, RULES, GO).findings)
    return assign_fingerprints(findings)


def test_identical_patterns_in_one_function_are_distinct() -> None:
    first, second = prints('package main\n\nimport "time"\n\n' + LOOP.format(name="f"))
    assert first != second


def test_stable_when_lines_move_and_code_is_reindented() -> None:
    before = prints('package main\n\nimport "time"\n\n' + LOOP.format(name="f"))
    moved = LOOP.format(name="f").replace("\t", "    ")
    after = prints('package main\n\nimport "time"\n\n' + "// pad\n" * 20 + moved)
    assert after == before


def test_other_functions_and_order_of_input_do_not_matter() -> None:
    source = 'package main\n\nimport "time"\n\n' + LOOP.format(name="g") + LOOP.format(name="f")
    findings = list(scan_source("x.go", source, Language.GO, RULES, GO).findings)
    forward = assign_fingerprints(findings)
    backward = assign_fingerprints(findings[::-1])[::-1]
    assert forward == backward
    alone = prints('package main\n\nimport "time"\n\n' + LOOP.format(name="f"))
    assert forward[2:] == alone


def test_key_parts() -> None:
    source = 'package main\n\nimport "time"\n\n' + LOOP.format(name="f")
    finding = scan_source("x.go", source, Language.GO, RULES, GO).findings[0]
    assert base_key(finding).split("\x1f")[:3] == ["time-after-in-loop", "x.go", "f"]
    assert base_key(replace(finding, rule=None)).startswith("allocation\x1f")
    assert normalise_snippet("  a(\n\t b)  ") == "a( b)"
