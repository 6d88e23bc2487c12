"""``perfaudit bench`` shows its progress on a terminal's stderr, and nothing else changes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from perfaudit.cli import _console, bench_cmd, main
from perfaudit.verify.parse import parse_go
from perfaudit.verify.plan import BASE, HEAD, schedule


def _samples(base: int) -> Any:
    return parse_go("".join(f"BenchmarkA-2  10  {base + i} ns/op\n" for i in range(6)))


def _fake_bench(root: Path, commits: Any, options: Any, env: Any = None,
                on_round: Any = None) -> dict[str, Any]:
    order = schedule(options.count)
    for step, side in enumerate(order, 1):
        if on_round:
            on_round(step, len(order), side)
    return {BASE: _samples(100), HEAD: _samples(50)}


@pytest.fixture
def fake_bench(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    monkeypatch.setattr(bench_cmd, "run_bench", _fake_bench)
    monkeypatch.setattr(bench_cmd, "repository_root", lambda where: where)
    monkeypatch.setattr(bench_cmd, "resolve_revision", lambda root, rev: rev * 8)
    return ["bench", "-C", str(tmp_path), "--base", "a", "--head", "b", "--count", "3",
            "--language", "go"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def _terminal() -> Console:
    return Console(file=io.StringIO(), force_terminal=True, width=100)


def test_progress_names_each_round_on_a_terminal(monkeypatch) -> None:
    terminal = _terminal()
    monkeypatch.setattr(_console, "stderr", terminal)
    with _console.round_progress(True) as started:
        started(1, 4, "base")
        started(2, 4, "head")
    shown = terminal.file.getvalue()  # type: ignore[attr-defined]
    assert "round 2/4: measuring head" in shown and "1/4" in shown


def test_no_progress_when_not_enabled(monkeypatch) -> None:
    terminal = _terminal()
    monkeypatch.setattr(_console, "stderr", terminal)
    with _console.round_progress(False) as started:
        started(1, 4, "base")
    assert terminal.file.getvalue() == ""  # type: ignore[attr-defined]


def test_bench_is_quiet_on_stderr_when_it_is_not_a_terminal(capsys, fake_bench) -> None:
    code, out, err = run(capsys, *fake_bench)
    assert code == 0 and err == ""
    assert out.startswith("sec/op")


def test_progress_changes_no_result(capsys, monkeypatch, fake_bench) -> None:
    _code, quiet, _err = run(capsys, *fake_bench, "--format", "json")
    terminal = _terminal()
    monkeypatch.setattr(_console, "stderr", terminal)
    monkeypatch.setattr(_console, "interactive", lambda: True)
    code, shown, err = run(capsys, *fake_bench, "--format", "json")
    assert code == 0 and shown == quiet and err == ""
    assert "round 6/6: measuring head" in terminal.file.getvalue()  # type: ignore[attr-defined]
