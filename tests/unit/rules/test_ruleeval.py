"""The rule evaluator on hand-written rules: each case must find what ast-grep finds."""

from __future__ import annotations

from typing import Any

import pytest
from ast_grep_py import SgRoot

from perfaudit.errors import RuleError
from perfaudit.model import Language
from perfaudit.syntax.evaluate import python_regex
from perfaudit.syntax.node import Root

GO = """package p

import "encoding/json"

func f(xs []string, m map[string]int) (out []string) {
	for _, x := range xs {
		out = append(out, x)
		if m[x] > 0 {
			go func() { json.Marshal(x) }()
		}
		m[x] += 1
	}
	defer g(1, 2)
	h( /* note */ 3)
	return out
}
"""

PY = """import json
def f(items, cache):
    for item in items:
        if item not in cache:
            cache[item] = json.loads(json.dumps(item))
        total = total + item
        total += 1
    return sum(items, [])
"""

GO_RULES: list[dict[str, Any]] = [
    {"kind": "call_expression"},
    {"kind": "call_expression", "regex": r"^json\."},
    {"kind": "call_expression", "has": {"field": "function", "regex": "^append$"}},
    {"kind": "assignment_statement", "has": {"kind": "call_expression", "stopBy": "end"}},
    {"kind": "call_expression", "inside": {"kind": "for_statement", "stopBy": "end"}},
    {"kind": "call_expression",
     "inside": {"kind": "for_statement", "stopBy": {"kind": "func_literal"}}},
    {"kind": "call_expression", "inside": {"kind": "expression_statement"}},
    {"kind": "identifier", "inside": {"kind": "index_expression", "field": "operand"}},
    {"kind": "call_expression", "not": {"inside": {"kind": "go_statement", "stopBy": "end"}}},
    {"any": [{"kind": "defer_statement"}, {"kind": "go_statement"}]},
    {"all": [{"kind": "call_expression"}, {"regex": "g\\("}]},
    {"pattern": {"context": "func t() { g($$$A) }", "selector": "call_expression"}},
    {"pattern": {"context": "func t() { g($A, $B) }", "selector": "call_expression"}},
    {"pattern": {"context": "func t() { h($A) }", "selector": "call_expression"}},
    {"pattern": {"context": "func t() { $O = append($O, $X) }", "selector": "assignment_statement"}},
    {"kind": "for_statement", "has": {"kind": "range_clause", "has": {"field": "right",
                                                                     "kind": "identifier"}}},
]

PY_RULES: list[dict[str, Any]] = [
    {"pattern": "json.loads(json.dumps($X))"},
    {"pattern": "$X not in $L"},
    {"pattern": "$X in $L"},
    {"pattern": "$L = $L + $X"},
    {"pattern": "$S += $X"},
    {"pattern": "sum($X, [])"},
    {"pattern": "$F($$$)"},
    {"kind": "for_statement", "has": {"kind": "if_statement", "stopBy": "end"}},
]


def _spans_ast_grep(source: str, language: Language, config: dict[str, Any]) -> list[tuple[int, ...]]:
    root = SgRoot(source, language.value).root()
    return sorted({(n.range().start.line, n.range().start.column, n.range().end.line,
                    n.range().end.column) for n in root.find_all(config)})


def _spans_perfaudit(source: str, language: Language, config: dict[str, Any]) -> list[tuple[int, ...]]:
    root = Root(source, language).root()
    return sorted({(n.range().start.line, n.range().start.column, n.range().end.line,
                    n.range().end.column) for n in root.find_all(config)})


@pytest.mark.parametrize("rule", GO_RULES, ids=[str(i) for i in range(len(GO_RULES))])
def test_go_rules_match_like_ast_grep(rule: dict[str, Any]) -> None:
    config = {"rule": rule}
    assert _spans_perfaudit(GO, Language.GO, config) == _spans_ast_grep(GO, Language.GO, config)


@pytest.mark.parametrize("rule", PY_RULES, ids=[str(i) for i in range(len(PY_RULES))])
def test_python_rules_match_like_ast_grep(rule: dict[str, Any]) -> None:
    config = {"rule": rule}
    ours = _spans_perfaudit(PY, Language.PYTHON, config)
    assert ours == _spans_ast_grep(PY, Language.PYTHON, config)


def test_constraints_and_metavariables() -> None:
    root = Root(PY, Language.PYTHON).root()
    config = {"rule": {"pattern": "$F($$$ARGS)"}, "constraints": {"F": {"regex": "^sum$"}}}
    (call,) = root.find_all(config)
    assert call.get_match("F").text() == "sum"
    assert [a.text() for a in call.get_multiple_matches("ARGS")] == ["items", "[]"]
    assert _spans_perfaudit(PY, Language.PYTHON, config) == _spans_ast_grep(PY, Language.PYTHON, config)


def test_unsupported_key_is_a_rule_error() -> None:
    root = Root(GO, Language.GO).root()
    with pytest.raises(RuleError, match="follows"):
        root.find_all({"rule": {"kind": "call_expression", "follows": {"kind": "block"}}})


def test_rust_only_regex_flags_are_translated() -> None:
    assert python_regex("(?i-u:has)x").search("HASx")
    assert python_regex("^a(?s:.)b$").search("a\nb")
