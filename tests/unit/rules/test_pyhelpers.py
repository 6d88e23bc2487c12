"""Python predicate helpers: what runs per iteration, what a loop changes, retry loops."""

from __future__ import annotations

import pytest

from perfaudit.model import Language
from perfaudit.rules.catalogue import load_catalogue
from perfaudit.rules.engine.scan import scan_source
from perfaudit.rules.facts.python import code as pyhelpers
from perfaudit.syntax.node import Root


def _call(source: str, callee: str):
    root = Root(source, Language.PYTHON).root()
    return next(n for n in root.find_all(kind="call") if pyhelpers.call_name(n) == callee)


@pytest.mark.parametrize(("source", "loops"), [
    ("for x in f(xs):\n    pass\n", 0),                        # the header runs once
    ("for x in xs:\n    f(x)\n", 1),
    ("[g(y) for y in f(xs)]\n", 0),                               # the first iterable runs once
    ("[y for y in xs if f(y)]\n", 1),
    ("for a in xs:\n    for b in ys:\n        f(b)\n", 2),
    ("while ok():\n    f(1)\n", 1),
    ("for x in xs:\n    f(x)\n    break\n", 0),                   # followed by break: once
    ("for a in xs:\n    for b in ys:\n        f(b)\n        break\n", 1),
    ("for x in xs:\n    if x:\n        f(x)\n        return x\n", 0),
    ("for x in xs:\n    def inner():\n        f(x)\n", 0),        # a nested function is its own scope
])
def test_iteration_loops(source: str, loops: int) -> None:
    assert len(pyhelpers.iteration_loops(_call(source, "f"))) == loops


@pytest.mark.parametrize(("source", "invariant"), [
    ("for x in xs:\n    f(path)\n", True),
    ("for x in xs:\n    f(x.path)\n", False),
    ("for x in xs:\n    path = x\n    f(path)\n", False),
    ("for x in xs:\n    items.append(x)\n    f(items)\n", False),
    ("for x in xs:\n    f(os.path.join(base, 'a'))\n", True),      # pure helpers are allowed
    ("for x in xs:\n    f(load(base))\n", False),                  # other calls are not
    ("for x in xs:\n    f(cfg.path)\n    x.path = 1\n", True),     # `.path` of another object
])
def test_invariance(source: str, invariant: bool) -> None:
    call = _call(source, "f")
    arg = call.field("arguments").named_children()[0]
    assert (pyhelpers.invariant_in_innermost(arg, call) is not None) is invariant


@pytest.mark.parametrize(("header", "retry", "literal"), [
    ("for attempt in range(3):", True, True),
    ("for item in items:", False, False),
    ("while time.time() < deadline:", True, False),
    ("for name in ('a', 'b'):", False, True),
])
def test_loop_kinds(header: str, retry: bool, literal: bool) -> None:
    loop = pyhelpers.iteration_loops(_call(f"{header}\n    f(1)\n", "f"))[0]
    assert pyhelpers.is_retry_loop(loop) is retry
    assert loop.kind() == "while_statement" or pyhelpers.iterates_literal(loop) is literal


def test_module_imports() -> None:
    root = Root("import requests\nfrom time import sleep as nap\nfrom copy import deepcopy\n",
                Language.PYTHON).root()
    assert pyhelpers.imports_module(root, "requests")
    assert pyhelpers.module_imports(root, "copy", "deepcopy")
    assert not pyhelpers.module_imports(root, "time", "nap")


TIGHT_TRY = "def f(xs):\n    out = []\n    for x in xs:\n        try:\n            out.append(int(x))\n" \
            "        except ValueError:\n            pass\n    return out\n"


@pytest.mark.parametrize(("version", "fires"), [("3.10", True), ("3.9", True), ("3.11", False),
                                                ("3.13", False), (None, False)])
def test_try_except_rule_follows_requires_python(version: str | None, fires: bool) -> None:
    rules = [r for r in load_catalogue() if r.id == "try-except-in-loop"]
    result = scan_source("m.py", TIGHT_TRY, Language.PYTHON, rules, version)
    assert bool(result.findings) is fires
