"""Python scope facts: module-level names, names mutated in place, a function's own names."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.facts.python import scope
from perfaudit.syntax.node import Node, Root

_MODULE = '''\
import os, numpy as np
from enum import Enum
from a.b import c as d, e
try:
    import ujson as json
except ImportError:
    import json
LIMIT = 1
A, B = 1, 2
HANDLERS = []


@dataclass
class Status(Enum):
    OK = "ok"


def register(h, a: Status, *args, b=LIMIT, c: int = 2, **kw):
    z = 1
    HANDLERS.append(h)
    TABLE[h] = 2
    COUNT += 1
'''


def _root() -> Node:
    return Root(_MODULE, Language.PYTHON).root()


def test_module_names() -> None:
    assert scope.module_names(_root()) == {"os", "np", "Enum", "d", "e", "json", "LIMIT", "A",
                                           "B", "HANDLERS", "Status", "register"}


def test_mutated_names() -> None:
    assert scope.mutated_names(_root()) == {"HANDLERS", "TABLE", "COUNT"}


def test_parameter_and_local_names() -> None:
    fn = _root().find_all(kind="function_definition")[0]
    assert scope.parameter_names(fn) == {"h", "a", "args", "b", "c", "kw"}
    assert "Status" not in scope.local_names(fn)  # an annotation is not a binding
    assert {"z", "h"} <= scope.local_names(fn)
