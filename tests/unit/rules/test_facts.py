"""Facts with one home each: a call's name and arguments, the function around a node."""

from __future__ import annotations

import pytest

from perfaudit.model import Language
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node, Root


def _nodes(source: str, language: Language, kind: str) -> list[Node]:
    return Root(source, language).root().find_all(kind=kind)


def _go_calls(body: str) -> list[Node]:
    return _nodes(f"package p\n\nfunc f() {{\n{body}\n}}\n", Language.GO, "call_expression")


@pytest.mark.parametrize(("body", "name"), [
    ("s.mu.Lock()", "s.mu.Lock"),
    ("regexp.MustCompile(`a b`)", "regexp.MustCompile"),
    ("x := b.\n\tWithTimeout(d)", "b.WithTimeout"),            # a chain split over lines
    ("func() { run() }()", "func(){run()}"),                  # whitespace goes everywhere
])
def test_call_name_go(body: str, name: str) -> None:
    assert common.call_name(_go_calls(body)[0]) == name


@pytest.mark.parametrize(("source", "name"), [
    ("requests.get(url)\n", "requests.get"),
    ("x = (os.path\n     .join(a, b))\n", "os.path.join"),
    ("' '.join(xs)\n", "''.join"),                            # spaces in a literal go too
    ("open(p)\n", "open"),
])
def test_call_name_python(source: str, name: str) -> None:
    assert common.call_name(_nodes(source, Language.PYTHON, "call")[0]) == name


def test_call_name_without_a_callee_is_empty() -> None:
    ident = _nodes("package p\n\nvar x = y\n", Language.GO, "identifier")[0]
    assert common.call_name(ident) == ""


@pytest.mark.parametrize(("body", "args"), [
    ("f(a, b)", ["a", "b"]),
    ("f(a, /* why */ b)", ["a", "b"]),                        # comments are not arguments
    ("f(\n\t\ta, // first\n\t\tb,\n\t)", ["a", "b"]),
    ("make([]int, 0, n)", ["[]int", "0", "n"]),               # a type argument counts
    ("g(xs...)", ["xs..."]),
    ("h()", []),
])
def test_call_args(body: str, args: list[str]) -> None:
    assert [a.text() for a in gocode.call_args(_go_calls(body)[0])] == args


def test_call_args_of_a_node_without_arguments() -> None:
    ident = _nodes("package p\n\nvar x = y\n", Language.GO, "identifier")[0]
    assert gocode.call_args(ident) == []


GO_NESTING = """package p

type T struct{}

func (t *T) m() {
	a()
	go func() {
		b()
	}()
}

var top = c()
"""


def _by_callee(source: str, *names: str) -> list[Node]:
    calls = {common.call_name(c): c for c in _nodes(source, Language.GO, "call_expression")}
    return [calls[name] for name in names]


def _kinds(found: list[Node | None]) -> list[str | None]:
    return [f.kind() if f is not None else None for f in found]


def test_innermost_function_go() -> None:
    a, b, c = _by_callee(GO_NESTING, "a", "b", "c")
    closure = functions.innermost_function(b, Language.GO)
    assert closure is not None and closure.kind() == "func_literal"
    method = functions.innermost_function(a, Language.GO)
    assert method is not None and method.kind() == "method_declaration"
    assert functions.innermost_function(closure, Language.GO) == method  # a function is not its own
    assert functions.innermost_function(c, Language.GO) is None


def test_innermost_function_answers_the_same_in_any_order() -> None:
    """Answers are remembered per file on the way up; asking outer nodes first changes nothing."""
    inner_first = [functions.innermost_function(n, Language.GO)
                   for n in _by_callee(GO_NESTING, "b", "a", "c")]
    outer_first = [functions.innermost_function(n, Language.GO)
                   for n in reversed(_by_callee(GO_NESTING, "b", "a", "c"))][::-1]
    assert _kinds(inner_first) == _kinds(outer_first) == ["func_literal", "method_declaration", None]


def test_innermost_function_python() -> None:
    source = "def f():\n    g(lambda: h())\n\nclass C:\n    def m(self):\n        k()\n\nz()\n"
    calls = {common.call_name(c): c for c in _nodes(source, Language.PYTHON, "call")}
    found = [functions.innermost_function(calls[name], Language.PYTHON) for name in "ghkz"]
    assert _kinds(found) == ["function_definition", "lambda", "function_definition", None]


@pytest.mark.parametrize(("body", "names"), [
    ("db, err := sql.Open(d, s)", ["db", "err"]),
    ("_, err = db.Query(q)", ["_", "err"]),
    ("p.db, err = sql.Open(d, s)", ["p.db", "err"]),
    ("db.Query(q)", None),                                    # not assigned at all
    ("use(sql.Open(d, s))", None),                            # an argument, not assigned
])
def test_assigned_to(body: str, names: list[str] | None) -> None:
    found = gocode.assigned_to(_go_calls(body)[0])
    assert (None if found is None else [n.text() for n in found]) == names
