"""``perfaudit fleet`` refuses what it cannot do in one line and exit 2, before Ray starts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from perfaudit.cli import main
from perfaudit.errors import EXIT_USAGE


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(["fleet", *args])
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(("args", "message"), [
    ((), "no repositories given"),
    (("@missing.txt",), "cannot read repository list missing.txt"),
    (("--from", "missing.txt"), "cannot read repository list missing.txt"),
    (("@empty.txt",), "no repositories given"),
    ((".", "--select", "no-such-rule"), "'no-such-rule' in --select"),
    ((".", "--ignore", "go,nope"), "'nope' in --ignore"),
    ((".", "--jobs", "0"), "--jobs"),
    ((".", "--bogus"), "No such option '--bogus'"),
])
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...], message: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("# nothing yet\n\n", encoding="utf-8")
    code, out, err = _run(capsys, *args)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.count("\n") == 1 and message in err
    assert not (tmp_path / ".perfaudit").exists()


def test_without_ray_it_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # what an absent package looks like to import
    code, _out, err = _run(capsys, ".")
    assert code == EXIT_USAGE and err.count("\n") == 1
    assert "pip install '.[fleet]'" in err
    assert not (tmp_path / ".perfaudit").exists()


def test_a_database_that_is_not_one_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "not.db"
    bogus.write_text("plain text, not SQLite " * 100)
    code, _, err = _run(capsys, str(tmp_path), "--db", str(bogus), "--output", str(tmp_path / "out"))
    assert code == 2 and err.count("\n") == 1 and "is not a perfaudit database" in err
    assert not (tmp_path / "out").exists()
