"""The HTML report of a real audit: the code around each finding, links to the audited commit,
and no credential from the git remote anywhere in the reports."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from perfaudit.cli import main

GO = ('package a\n\nimport "time"\n\nfunc F(w http.ResponseWriter, c chan int) {\n\tfor {\n'
      '\t\tselect {\n\t\tcase <-c:\n\t\tcase <-time.After(time.Second):\n\t\t}\n\t}\n}\n')
REMOTE = "https://deploy:s3cret-token@github.com/acme/svc.git"


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), "-c", "user.email=t@t", "-c", "user.name=t",
                           *args], check=True, capture_output=True, text=True)
    return done.stdout.strip()


@pytest.fixture
def repo(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    root = make_repo({"go.mod": "module a\n\ngo 1.22\n", "a.go": GO})
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "init")
    _git(root, "remote", "add", "origin", REMOTE)
    return root


def _audit(root: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main(["audit", str(root), "-o", str(out), "-f", "html,json,md,sarif", "-j", "1",
              "--no-history", "--no-cache"])
    printed = capsys.readouterr()
    assert done.value.code == 0, printed.err
    return printed.out + printed.err


def test_the_report_links_to_the_commit_and_shows_the_code(repo, tmp_path, capsys) -> None:
    out = tmp_path / "out"
    _audit(repo, out, capsys)
    commit = _git(repo, "rev-parse", "HEAD")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert f'href="https://github.com/acme/svc/blob/{commit}/a.go#L9"' in html
    assert ('<span class="line hit"><span class="ln">9</span>\t\tcase &lt;-time.After('
            "time.Second):</span>") in html
    finding = json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"][0]
    assert finding["excerpt"] == {"start_line": 6, "lines": GO.splitlines()[5:12]}


def test_no_credential_from_the_remote_reaches_any_output(repo, tmp_path, capsys) -> None:
    out = tmp_path / "out"
    printed = _audit(repo, out, capsys)
    assert "s3cret" not in printed and "deploy" not in printed
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8")
        assert "s3cret" not in text and "deploy:" not in text, path.name


def test_no_link_for_a_remote_on_an_unknown_host(repo, tmp_path, capsys) -> None:
    _git(repo, "remote", "set-url", "origin", "git@git.example.com:acme/svc.git")
    out = tmp_path / "out"
    _audit(repo, out, capsys)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "/blob/" not in html and '<pre class="excerpt">' in html
