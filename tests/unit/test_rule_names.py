"""Rule names a user types in ``--select``/``--ignore`` and the settings file: an unknown one is
one line, exit 2, with the closest known names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from perfaudit.cli import main
from perfaudit.rules.catalogue import closest_names, load_catalogue, selectable_names

KNOWN = ["allocation", "defer-in-loop", "deferred-cleanup-with-cancelled-ctx", "go",
         "time-after-in-loop", "mutex-held-across-io"]
GO = 'package a\n\nfunc F() {}\n'


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


@pytest.mark.parametrize(("typed", "expected"), [
    ("defer-in-lop", ["defer-in-loop"]),
    ("alocation", ["allocation"]),
    ("defer", ["defer-in-loop", "deferred-cleanup-with-cancelled-ctx"]),
    ("Defer-In-Loop", ["defer-in-loop"]),
    ("mutex-held-acros-io", ["mutex-held-across-io"]),
    ("zzzz", []),
    ("", []),
])
def test_closest_names(typed: str, expected: list[str]) -> None:
    assert closest_names(typed, KNOWN) == expected


def test_closest_names_are_at_most_the_limit() -> None:
    known = selectable_names(load_catalogue())
    assert len(closest_names("http", known)) == 3
    assert len(closest_names("http", known, limit=1)) == 1


@pytest.fixture
def repo(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_repo({"go.mod": "module a\n\ngo 1.22\n", "a.go": GO})


def test_a_mistyped_select_names_the_flag_and_the_closest_rule(repo, capsys) -> None:
    code, out, err = run(capsys, "audit", str(repo), "--select", "defer-in-lop", "--no-history")
    assert code == 2 and out == ""
    assert err == ("perfaudit: unknown rule, category or language 'defer-in-lop' in --select; "
                   "did you mean defer-in-loop? (see `perfaudit rules`)\n")
    assert not (repo / ".perfaudit").exists()


def test_several_unknown_names_are_one_line(repo, capsys) -> None:
    code, _out, err = run(capsys, "audit", str(repo), "--ignore", "alocation,defer-in-lop,zzzz")
    assert code == 2 and err.count("\n") == 1
    assert ("in --ignore: 'alocation' (did you mean allocation?), 'defer-in-lop' (did you mean "
            "defer-in-loop?), 'zzzz'") in err


def test_a_mistyped_rule_in_the_settings_file_names_the_file(repo, capsys) -> None:
    settings = repo / "perfaudit.toml"
    settings.write_text('select = ["go", "mutex-held-acros-io"]\n', encoding="utf-8")
    code, _out, err = run(capsys, "audit", str(repo), "--no-history")
    assert code == 2 and err.count("\n") == 1
    assert f"'mutex-held-acros-io' in {settings}: select; did you mean mutex-held-across-io?" in err


def test_a_flag_replaces_the_settings_files_list(repo, capsys) -> None:
    (repo / "perfaudit.toml").write_text('ignore = ["defer-in-lop"]\n', encoding="utf-8")
    code, _out, err = run(capsys, "audit", str(repo), "--ignore", "defer-in-loop", "--no-history",
                          "-o", str(repo / "out"))
    assert code == 0, err


def test_reviewer_scoped_names_are_left_to_their_reviewer(repo, capsys) -> None:
    code, _out, err = run(capsys, "audit", str(repo), "--select", "go,ruff:PERF401",
                          "--no-history", "-o", str(repo / "out"))
    assert code == 0, err
