"""Go syntax and data-flow helpers used by the Go rules' predicates."""

from __future__ import annotations

from typing import Any

from perfaudit.model import Language
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import flow as goflow
from perfaudit.syntax.node import Root

SOURCE = """package p

import (
	"bufio"
	"regexp"
	"strings"
)

func f(lines []string, pat string, sc *bufio.Scanner, tick <-chan int) {
	for _, l := range lines {
		a := regexp.MustCompile(strings.ToLower(pat))
		b := regexp.MustCompile(l)
		if l == "" {
			c := regexp.MustCompile(pat)
			return
		}
	}
	for sc.Scan() {
		d := regexp.MustCompile(sc.Text())
	}
	for range tick {
		e := regexp.MustCompile(pat)
	}
	var out []string
	for _, l := range lines {
		for _, o := range out {
			if o == l {
				break
			}
		}
		out = append(out, l)
	}
}
"""


def _root() -> Any:
    return Root(SOURCE, Language.GO).root()


def _compile_calls() -> dict[str, Any]:
    calls = _root().find_all(kind="call_expression")
    found = {}
    for call in calls:
        if gocode.call_name(call) == "regexp.MustCompile":
            stmt = call.parent().parent()
            found[stmt.field("left").text()] = call
    return found


def test_invariance_tracks_loop_variables_and_impure_calls() -> None:
    calls = _compile_calls()
    verdicts = {}
    for name, call in calls.items():
        loop = gocode.innermost_loop(call)
        verdicts[name] = gocode.is_invariant(call.field("arguments"), loop)
    assert verdicts == {"a": True, "b": False, "c": True, "d": False, "e": True}


def test_runs_once_and_event_loops() -> None:
    calls = _compile_calls()
    c_loop = gocode.innermost_loop(calls["c"])
    assert gocode.runs_once_in_loop(calls["c"], c_loop)
    assert not gocode.runs_once_in_loop(calls["a"], gocode.innermost_loop(calls["a"]))
    assert gocode.is_event_loop(gocode.innermost_loop(calls["e"]))
    assert gocode.is_event_loop(gocode.innermost_loop(calls["d"]))
    assert not gocode.is_event_loop(c_loop)


def test_membership_pairs_and_append_detection() -> None:
    loops = list(_root().find_all(kind="for_statement"))
    scan = next(loop for loop in loops if gocode.range_clause(loop) is not None
                and gocode.range_clause(loop).field("right").text() == "out")
    pairs = goflow.membership_pairs(scan)
    assert [(a.text(), b.text()) for a, b in pairs] == [("o", "l")]
    assert goflow.appended_in(gocode.innermost_loop(scan), scan)


def test_defining_call_and_other_uses() -> None:
    src = """package p
func g(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var out any
	return json.Unmarshal(b, &out)
}
"""
    root = Root(src, Language.GO).root()
    fn = root.find(kind="function_declaration")
    definition = goflow.defining_call(fn, "b", frozenset({"json.Marshal"}))
    assert definition is not None
    unmarshal = next(c for c in fn.find_all(kind="call_expression")
                     if gocode.call_name(c) == "json.Unmarshal")
    assert goflow.other_uses(fn, "b", definition, unmarshal) == []
