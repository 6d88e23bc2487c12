"""Re-validation across real commits: renamed, moved, changed, fixed and new code."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from perfaudit.cli import main


def _loop(function: str, wait: str) -> str:
    return (f"package a\n\nimport \"time\"\n\nfunc {function}(ch chan int) {{\n\tfor {{\n"
            f"\t\tselect {{\n\t\tcase v := <-ch:\n\t\t\t_ = v\n\t\tcase <-time.After({wait}):\n"
            f"\t\t}}\n\t}}\n}}\n")


FIXED = ("package a\n\nfunc Poll(ch chan int) {\n\tfor {\n\t\tv := <-ch\n\t\t_ = v\n\t}\n}\n")


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.email=t@t", "-c", "user.name=t", *args],
                   check=True, capture_output=True)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    return int(done.value.code or 0), capsys.readouterr().out


def test_moved_renamed_changed_fixed_and_new(
        make_repo: Callable[[dict[str, str | bytes]], Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    # Go 1.22: time.After in a loop leaks a timer per iteration before Go 1.23
    root = make_repo({"go.mod": "module a\n\ngo 1.22\n", "perfaudit.toml": "jobs = 1\n",
                      "run.go": _loop("Run", "1"), "cleanup.go": _loop("Cleanup", "2"),
                      "poll.go": _loop("Poll", "3"), "drain.go": _loop("Drain", "4")})
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "one")
    code, _ = _run(capsys, "audit", str(root), "-f", "json", "-o", str(tmp_path / "audit"))
    assert code == 0
    before = json.loads((tmp_path / "audit" / "findings.json").read_text())
    assert len(before["findings"]) == 4

    (root / "run.go").write_text(_loop("RunDetailed", "1"))  # renamed, same code
    (root / "cleanup.go").unlink()  # moved to another file
    (root / "cmd_cleanup.go").write_text("// moved here\n\n" + _loop("Cleanup", "2"))
    (root / "poll.go").write_text(FIXED)  # fixed
    (root / "drain.go").write_text(_loop("Drain", "4 * time.Second"))  # changed, still there
    (root / "watch.go").write_text(_loop("Watch", "5"))  # new
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "two")

    code, out = _run(capsys, "revalidate", str(root), "-f", "json,md", "-o", str(tmp_path / "rv"))
    assert code == 0
    report = json.loads((tmp_path / "rv" / "findings.json").read_text())
    got = {(f["status"], f["location"]["path"], f["location"]["function"]): f["status_reason"]
           for f in report["findings"]}
    assert got[("still-present", "run.go", "RunDetailed")] == \
        "moved to run.go:10 in `RunDetailed` (was run.go:10 in `Run`)"
    assert got[("still-present", "cmd_cleanup.go", "Cleanup")] == \
        "moved to cmd_cleanup.go:12 in `Cleanup` (was cleanup.go:10 in `Cleanup`)"
    assert got[("fixed", "poll.go", "Poll")] == "poll.go now ends before line 10"
    assert got[("partial", "drain.go", "Drain")] == (
        "still reported at drain.go:10 in `Drain`, but the code changed: "
        "it now reads `time.After(4 * time.Second)`")
    assert got[("new", "watch.go", "Watch")] == "not in the earlier audit"
    assert len(got) == 5
    rv = report["audit"]["revalidation"]
    assert (rv["still_present"], rv["partial"], rv["fixed"], rv["unknown"], rv["new"]) == \
        (2, 1, 1, 0, 1)
    assert rv["commit"] and report["audit"]["commit"] and rv["commit"] != report["audit"]["commit"]
    assert "1 fixed, 0 unknown, 1 new" in out
    assert "moved to cmd_cleanup.go:12" in (tmp_path / "rv" / "report.md").read_text()
