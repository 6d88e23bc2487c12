"""A bad configuration file stops the CLI with exit 2 and one line naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfaudit.cli import main


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out = capsys.readouterr()
    return int(exit_info.value.code or 0), out.out, out.err


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("perfaudit.toml", "max-file-bytes = -5\n",
     "perfaudit.toml: max-file-bytes: must be at least 1 (got -5)"),
    ("pyproject.toml", "[tool.perfaudit]\nmax-file-bytes = 0\n",
     "pyproject.toml [tool.perfaudit]: max-file-bytes: must be at least 1 (got 0)"),
    ("perfaudit.toml", 'format = "json"\n', 'perfaudit.toml: format: must be an array (got "json")'),
    ("perfaudit.toml", "fail-on = 'urgent'\n",
     "perfaudit.toml: fail-on: must be 'P0', 'P1' or 'P2' (got \"urgent\")"),
    ("perfaudit.toml", "max_file_byte = 10\n",
     "perfaudit.toml: unknown setting max_file_byte (did you mean max_file_bytes?)"),
])
def test_bad_config_is_one_line_exit_2(make_repo, capsys, tmp_path: Path, name: str, text: str,
                                       expected: str) -> None:
    root = make_repo({"a.go": "package a\n", name: text})
    out_dir = tmp_path / "out"
    code, out, err = _run(["audit", str(root), "-o", str(out_dir), "--no-history"], capsys)
    assert code == 2
    assert err == f"perfaudit: {root / expected}\n"
    assert out == "" and not out_dir.exists()
