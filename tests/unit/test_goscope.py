"""Name resolution and loop-shape helpers for Go predicates."""

from __future__ import annotations

from typing import Any

from perfaudit.model import Language
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax.node import Root

SOURCE = """package p

var global []int

func f(xs []int, buf *bytes.Buffer, ch <-chan int) {
	var out []int
	s := ""
	for _, x := range xs {
		out = append(out, x)
		if x > 0 {
			continue
		}
	}
	for i := 0; i < len(xs); i++ {
		s += "a"
	}
	for v := range ch {
		_ = v
	}
	for {
		break
	}
	{
		out := 3
		_ = out
	}
}
"""


def _root() -> Any:
    return Root(SOURCE, Language.GO).root()


def _ident(root: Any, name: str, nth: int = 0) -> Any:
    return [n for n in root.find_all(kind="identifier") if n.text() == name][nth]


def test_find_declaration_sees_params_locals_and_globals() -> None:
    root = _root()
    use = _ident(root, "out", 1)
    decl = goscope.find_declaration(use, "out")
    assert decl is not None and decl.kind() == "var_spec"
    assert goscope.declared_type(decl) == "[]int"
    param = goscope.find_declaration(use, "buf")
    assert param is not None and goscope.declared_type(param) == "*bytes.Buffer"
    assert goscope.buffer_type(use, "buf") == "bytes.Buffer"
    top = goscope.find_declaration(use, "global")
    assert top is not None and not goscope.is_local(top)
    assert goscope.find_declaration(use, "missing") is None


def test_shadowed_block_declaration_is_not_visible_outside() -> None:
    root = _root()
    first_use = _ident(root, "out", 1)
    assert goscope.find_declaration(first_use, "out").kind() == "var_spec"


def test_declared_value_maps_names_to_expressions() -> None:
    root = _root()
    decl = goscope.find_declaration(_ident(root, "s", 1), "s")
    value = goscope.declared_value(decl, "s")
    assert value is not None and value.text() == '""'


def test_loop_shapes() -> None:
    loops = _root().find_all(kind="for_statement")
    ranged, counted, channel, forever = loops
    assert goscope.has_known_length(ranged)
    assert goscope.has_known_length(counted)
    assert not goscope.has_known_length(channel)
    assert not goscope.has_known_length(forever)


def test_runs_every_iteration_respects_continue() -> None:
    loops = _root().find_all(kind="for_statement")
    append = loops[0].find(kind="assignment_statement")
    assert not goscope.runs_every_iteration(append, loops[0])
    concat = loops[1].find(kind="assignment_statement")
    assert goscope.runs_every_iteration(concat, loops[1])
    assert goscope.loops_between(concat, goscope.find_declaration(concat, "s")) == [loops[1]]
