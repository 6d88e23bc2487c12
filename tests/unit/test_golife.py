"""Go lifecycle helpers: lock regions, deferred closures, parameters, scaffolding paths."""

from __future__ import annotations

from typing import Any

import pytest

from perfaudit.model import Language
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import lifetimes as golife
from perfaudit.syntax.node import Root

SOURCE = """package p

func (s *Store) Get(ctx context.Context, key string, _ context.Context) error {
	s.mu.Lock()
	v := s.m[key]
	s.mu.Unlock()
	os.ReadFile(v)
	return nil
}

func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	go os.Remove("x")
	return os.WriteFile("a", nil, 0)
}

func later() func() {
	func() { context.Background() }()
	return func() { context.TODO() }
}
"""


def _root() -> Any:
    return Root(SOURCE, Language.GO).root()


def _call(root: Any, text: str) -> Any:
    return next(c for c in root.find_all(kind="call_expression") if c.text() == text)


def test_explicit_unlock_ends_the_region() -> None:
    calls = golife.calls_under_lock(_call(_root(), "s.mu.Lock()"))
    assert calls == []  # the read happens after Unlock


def test_deferred_unlock_covers_the_rest_but_not_goroutines() -> None:
    root = _root()
    lock = [c for c in root.find_all(kind="call_expression") if c.text() == "s.mu.Lock()"][1]
    names = [common.call_name(c) for c in golife.calls_under_lock(lock)]
    assert names == ["os.WriteFile"]


def test_context_params_skip_blank_names() -> None:
    method = _root().find(kind="method_declaration")
    assert golife.go_context_params(method) == ["ctx"]
    assert golife.go_receiver_name(method) == "s"


def test_closures_called_in_place_run_now() -> None:
    root = _root()
    assert not golife.runs_later(_call(root, "context.Background()"))
    assert golife.runs_later(_call(root, "context.TODO()"))


@pytest.mark.parametrize(("path", "expected"), [
    ("internal/testutils/dialer.go", True),
    ("internal/grpctest/tlogger.go", True),
    ("pkg/api/client_mock.go", True),
    ("pkg/cmd/attestation/verify.go", False),
    ("server.go", False),
])
def test_test_support_paths(path: str, expected: bool) -> None:
    assert golife.is_test_support_path(path) is expected


def test_comment_above_reads_only_the_adjacent_block() -> None:
    source = "package p\n\n// doc\nfunc f() {\n\t// detached on purpose\n\tx()\n}\n"
    root = Root(source, Language.GO).root()
    call = root.find(kind="call_expression")
    assert golife.comment_above(call, source).strip() == "detached on purpose"
