"""Audits of some files only (``perfaudit audit FILE…``, ``--changed-since REV``) and the
command line's start-up (each command's module loaded on first use)."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from perfaudit.cli import COMMANDS, main

HELPER = ('package a\n\nimport "regexp"\n\nfunc check(s string) bool {\n'
          '\tre := regexp.MustCompile(`^a+$`)\n\treturn re.MatchString(s)\n}\n')
HANDLER = ('package a\n\nimport "net/http"\n\nfunc Handle(w http.ResponseWriter, r *http.Request) {\n'
           '\t_ = check(r.URL.Path)\n}\n')
OTHER = ('package b\n\nimport "regexp"\n\nfunc Other(s string) bool {\n'
         '\treturn regexp.MustCompile(`^b+$`).MatchString(s)\n}\n')


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.email=t@t", "-c", "user.name=t", *args],
                   check=True, capture_output=True)


@pytest.fixture
def repo(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    root = make_repo({"go.mod": "module a\n\ngo 1.22\n", "a/a.go": HELPER, "a/b.go": HANDLER,
                      "b/other.go": OTHER, "perfaudit.toml": "jobs = 1\n"})
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "one")
    return root


def _findings(out_dir: Path) -> list[tuple[str, str]]:
    report = json.loads((out_dir / "findings.json").read_text())
    return [(f["location"]["path"], f["tier"]) for f in report["findings"]]


def test_files_are_audited_with_heat_from_their_package(
        repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, "audit", "a/a.go", "-o", str(tmp_path / "o"), "-f", "json")
    assert code == 0 and "audited 1 file (" in out
    # the handler in a/b.go makes a/a.go's helper hot though b.go was not asked for
    assert _findings(tmp_path / "o") == [("a/a.go", "finding")]
    report = json.loads((tmp_path / "o" / "findings.json").read_text())
    assert report["audit"]["focus"] == ["a/a.go"]
    assert not (repo / ".perfaudit" / "perfaudit.db").exists()  # not a whole audit: no history


def test_files_from_elsewhere_find_their_work_tree(repo: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "audit", str(repo / "b" / "other.go"), str(repo / "a" / "b.go"),
                     "-o", str(tmp_path / "o"), "-f", "json", "--all")
    assert code == 0
    assert {path for path, _tier in _findings(tmp_path / "o")} == {"b/other.go"}


def test_changed_since_reports_only_changed_files(repo: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "b" / "other.go").write_text(OTHER + "\n// touched\n", encoding="utf-8")
    code, out, _ = run(capsys, "audit", str(repo), "--changed-since", "HEAD", "--all",
                       "-o", str(tmp_path / "o"), "-f", "json")
    assert code == 0 and "audited 1 file (" in out
    assert {path for path, _tier in _findings(tmp_path / "o")} == {"b/other.go"}
    code, out, _ = run(capsys, "audit", str(repo), "--all", "-o", str(tmp_path / "all"),
                       "-f", "json", "--no-history")
    assert {path for path, _tier in _findings(tmp_path / "all")} == {"a/a.go", "b/other.go"}


@pytest.mark.parametrize("args", [
    ("--changed-since", "no-such-rev"),
    ("--changed-since", "--output=x"),
])
def test_a_bad_revision_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str],
                                         args: tuple[str, str]) -> None:
    code, _, err = run(capsys, "audit", str(repo), *args)
    assert code == 2 and err.count("\n") == 1


def test_bad_targets_are_usage_errors(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in ((str(repo / "missing.go"),), (str(repo), str(repo / "a" / "a.go")),
                 (str(repo / "a" / "a.go"), "--changed-since", "HEAD")):
        code, _, err = run(capsys, "audit", *args)
        assert code == 2 and err.count("\n") == 1, args


def test_every_command_is_registered() -> None:
    modules = {module for module, _attr in COMMANDS.values()}
    defined = {command.name for module in modules
               for command in importlib.import_module(f"perfaudit.cli.{module}").COMMANDS}
    assert defined == set(COMMANDS)
    for name, (module, attr) in COMMANDS.items():
        assert getattr(importlib.import_module(f"perfaudit.cli.{module}"), attr).name == name


def test_version_loads_no_command() -> None:
    probe = ("import sys\nfrom perfaudit.cli import main\ntry:\n    main(['--version'])\n"
             "except SystemExit:\n    pass\n"
             "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
             "('pydantic', 'jinja2', 'tree_sitter', 'yaml') or m.startswith('perfaudit.pipeline'))\n"
             "print(heavy, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert "perfaudit, version" in done.stdout
    assert done.stderr.strip() == "[]"


def test_a_second_audit_says_what_came_from_the_cache(repo: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    args = ("audit", str(repo), "--no-history", "-o", str(tmp_path / "o"), "-f", "json")
    assert "Cache: 0 unchanged files from the cache, 3 reviewed afresh" in run(capsys, *args)[1]
    assert "Cache: 3 unchanged files from the cache, 0 reviewed afresh" in run(capsys, *args)[1]
    assert "Cache:" not in run(capsys, *args, "--no-cache")[1]


def test_files_with_a_baseline_revision(repo: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "b" / "new.go").write_text(OTHER.replace("Other", "Newer"), encoding="utf-8")
    code, _out, err = run(capsys, "audit", str(repo / "b" / "new.go"), str(repo / "b" / "other.go"),
                          "--new-from-rev", "HEAD", "--all", "-o", str(tmp_path / "o"),
                          "-f", "json")
    assert code == 0, err
    assert _findings(tmp_path / "o") == [("b/new.go", "unproven")]


def test_a_baseline_run_is_stored_whole(repo: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "b" / "new.go").write_text(OTHER.replace("Other", "Newer"), encoding="utf-8")
    code, _, _ = run(capsys, "audit", str(repo), "--new-from-rev", "HEAD", "--all",
                     "-o", str(tmp_path / "o"), "-f", "json")
    assert code == 0 and _findings(tmp_path / "o") == [("b/new.go", "unproven")]
    code, out, _ = run(capsys, "history", str(repo), "--format", "json")
    latest = json.loads(out)[0]
    assert latest["hidden_by_baseline"] == 0 and sum(latest["counts"].values()) == 3
    code, out, _ = run(capsys, "revalidate", str(repo), "-o", str(tmp_path / "rv"), "-f", "json")
    assert code == 0 and "3 still present, 0 partial, 0 fixed, 0 unknown, 0 new" in out


def test_revalidation_does_not_call_matches_left_out_new(
        make_repo: Callable[[dict[str, str | bytes]], Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo({"go.mod": "module a\n\ngo 1.22\n", "a/a.go": HELPER, "a/b.go": HANDLER,
                      "tools/gen.go": OTHER.replace("package b", "package main"),
                      "perfaudit.toml": "jobs = 1\n"})
    _git(root, "init", "-q")
    assert run(capsys, "audit", str(root), "-f", "json", "-o", str(tmp_path / "a"))[0] == 0
    code, out, _ = run(capsys, "revalidate", str(root), "-f", "json", "-o", str(tmp_path / "rv"))
    assert code == 0 and "1 still present, 0 partial, 0 fixed, 0 unknown, 0 new" in out


def test_changed_files_with_names_that_are_not_utf8(repo: Path) -> None:
    from perfaudit import gitinfo

    odd = os.fsdecode(b"caf\xe9.py")
    (repo / odd).write_text("x = 1\n", encoding="utf-8")
    (repo / " spaced.py").write_text("y = 2\n", encoding="utf-8")
    assert set(gitinfo.changed_since(repo, "HEAD") or []) == {odd, " spaced.py"}
