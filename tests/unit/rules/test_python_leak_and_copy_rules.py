"""Edge cases of inline-open-not-closed, all-matches-for-first, copy-before-bounded-loop,
builtin-reduce-over-ndarray and the per-node widening of eager-log-format-in-loop."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfaudit.model import Language
from perfaudit.rules.catalogue import load_rule
from perfaudit.rules.catalogue.schema import Rule
from perfaudit.rules.engine.scan import scan_source

_PYTHON = Path(__file__).resolve().parents[3] / "src" / "perfaudit" / "rules" / "python"


def _rule(folder: str) -> Rule:
    return load_rule(_PYTHON / folder)


def _lines(folder: str, source: str) -> list[int]:
    result = scan_source("m.py", source, Language.PYTHON, [_rule(folder)])
    return sorted(f.location.start_line for f in result.findings)


@pytest.mark.parametrize(("source", "expected"), [
    ("def f(p):\n    return json.load(open(p))\n", [2]),
    ("def f(p):\n    with gzip.GzipFile(fileobj=open(p, 'rb')) as g:\n        return g.read()\n", []),
    ("def f(p):\n    r = Reader(open(p))\n    try:\n        return r.all()\n    finally:\n"
     "        r.close()\n", []),
    ("def f(p, stack):\n    return stack.enter_context(open(p))\n", []),
    ("from gzip import open\n\n\ndef f(p):\n    return open(p).read()\n", []),
    ("def f(p):\n    return [len(line) for line in open(p)]\n", [2]),
    ("def f(p):\n    open(p, 'w').close()\n", []),
])
def test_inline_open(source: str, expected: list[int]) -> None:
    assert _lines("inline_open_not_closed", source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("import re\n\n\ndef f(s):\n    return bool(re.findall('a', s))\n", [5]),
    ("import re\n\n\ndef f(s):\n    m = re.findall('a', s)\n    if not m:\n        return None\n"
     "    return m[0]\n", [5]),
    ("import re\n\n\ndef f(s):\n    m = re.findall('a', s)\n    return m[1]\n", []),
    ("import re\n\n\ndef f(s):\n    return len(re.findall('a', s)) == 1\n", []),
    ("def f(tree):\n    return tree.findall('x')[0]\n", []),
])
def test_all_matches_for_first(source: str, expected: list[int]) -> None:
    assert _lines("all_matches_for_first", source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("def f(d, n):\n    items = list(d.items())\n    for i, (k, v) in enumerate(items):\n"
     "        if i >= n:\n            break\n        print(k, v)\n    return len(items)\n", [2]),
    ("def f(d, n):\n    items = list(d.items())\n    for i, (k, v) in enumerate(items):\n"
     "        if i >= n:\n            break\n    return items\n", []),
    ("def f(d, n):\n    for k, v in list(d.items()):\n        if v is None:\n            break\n",
     []),
    ("def f(d, n):\n    c = 0\n    for k in list(d.keys()):\n        d.pop(k)\n        c += 1\n"
     "        if c > n:\n            break\n", []),
])
def test_copy_before_bounded_loop(source: str, expected: list[int]) -> None:
    assert _lines("copy_before_bounded_loop", source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("import numpy as np\n\n\ndef f(n):\n    x = np.zeros(n)\n    for _ in range(9):\n"
     "        x = x + sum(x)\n    return x\n", [7]),
    ("import numpy as np\n\n\ndef f(n, y):\n    x = np.zeros(n)\n    x = y\n    for _ in range(9):\n"
     "        print(sum(x))\n", []),
    ("import numpy as np\n\n\ndef f(n):\n    x = np.zeros(n)\n    for _ in range(9):\n"
     "        print(sum(x[0]))\n", []),
    ("def f(n):\n    x = np.zeros(n)\n    for _ in range(9):\n        print(sum(x))\n", []),
])
def test_builtin_reduce_over_ndarray(source: str, expected: list[int]) -> None:
    assert _lines("builtin_reduce_over_ndarray", source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("import logging\nlog = logging.getLogger()\n\n\nclass V:\n    def visit_node(self, node):\n"
     "        log.debug('at %s' % node)\n", [7]),
    ("import logging\nlog = logging.getLogger()\n\n\ndef handle(request):\n"
     "    log.debug(f'got {request}')\n", []),
    ("import logging\nlog = logging.getLogger()\n\n\ndef run(rows):\n    for row in rows:\n"
     "        if log.isEnabledFor(logging.DEBUG):\n            log.debug(f'row {row}')\n", []),
])
def test_eager_log_per_node(source: str, expected: list[int]) -> None:
    assert _lines("eager_log_format_in_loop", source) == expected
