"""Web URLs from git remotes: every remote form, never a credential, links only to known forges."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from perfaudit import gitinfo
from perfaudit.gitinfo import blob_url, web_url


@pytest.mark.parametrize(("remote", "url"), [
    ("git@github.com:acme/svc.git", "https://github.com/acme/svc"),
    ("git@github.com:acme/svc", "https://github.com/acme/svc"),
    ("ssh://git@github.com/acme/svc.git", "https://github.com/acme/svc"),
    ("ssh://git@github.com:22/acme/svc.git", "https://github.com/acme/svc"),
    ("git+ssh://git@github.com/acme/svc.git", "https://github.com/acme/svc"),
    ("https://github.com/acme/svc.git", "https://github.com/acme/svc"),
    ("https://github.com/acme/svc/", "https://github.com/acme/svc"),
    ("http://github.com/acme/svc", "https://github.com/acme/svc"),
    ("https://x-access-token:ghp_s3cret@github.com/acme/svc.git", "https://github.com/acme/svc"),
    ("https://oauth2:glpat-s3cret@gitlab.com/group/sub/proj.git",
     "https://gitlab.com/group/sub/proj"),
    ("git@gitlab.com:group/sub/proj.git", "https://gitlab.com/group/sub/proj"),
    ("https://GitHub.com/acme/svc", "https://github.com/acme/svc"),
    ("https://github.com/acme/svc?token=s3cret#x", "https://github.com/acme/svc"),
    ("https://bitbucket.org/acme/svc.git", "https://bitbucket.org/acme/svc"),
    ("/srv/git/svc.git", None),
    ("../svc", None),
    ("file:///srv/git/svc.git", None),
    ("C:\\repos\\svc", None),
    ("https://github.com/acme", None),
    ("", None),
])
def test_web_url(remote: str, url: str | None) -> None:
    assert web_url(remote) == url


@pytest.mark.parametrize(("start", "end", "github", "gitlab"), [
    (7, 7, "#L7", "#L7"),
    (7, 9, "#L7-L9", "#L7-9"),
])
def test_blob_url_per_forge(start: int, end: int, github: str, gitlab: str) -> None:
    assert blob_url("https://github.com/o/r", "abc123", "svc/a.go", start, end) \
        == f"https://github.com/o/r/blob/abc123/svc/a.go{github}"
    assert blob_url("https://gitlab.com/g/s/r", "abc123", "svc/a.go", start, end) \
        == f"https://gitlab.com/g/s/r/-/blob/abc123/svc/a.go{gitlab}"


def test_blob_url_quotes_the_path() -> None:
    assert blob_url("https://github.com/o/r", "abc123", "a b/c#d?.go", 1, 1) \
        == "https://github.com/o/r/blob/abc123/a%20b/c%23d%3F.go#L1"


@pytest.mark.parametrize(("url", "commit"), [
    ("https://bitbucket.org/o/r", "abc123"),
    ("https://github.example.com/o/r", "abc123"),
    ("https://github.com/o/r", None),
    ("https://github.com/o/r", ""),
    ("https://github.com/o/r", "main"),
    (None, "abc123"),
    ("https://user:s3cret@github.com/o/r", "abc123"),
    ("https://github.com:8443/o/r", "abc123"),
    ("https://github.com:x/o/r", "abc123"),
    ("http://github.com/o/r", "abc123"),
    ("javascript:alert(1)//github.com/o/r", "abc123"),
    ("https://github.com/o", "abc123"),
])
def test_no_blob_url_off_a_known_forge_or_without_a_commit(url: str | None,
                                                           commit: str | None) -> None:
    assert blob_url(url, commit, "a.go", 1, 1) is None


def test_local_changes_are_edits_and_new_files_but_not_perfaudit_s_own_folder(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c",
                        "user.email=t@example.com", *args], check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "a.go").write_text("package a\n")
    git("add", "a.go")
    git("commit", "-qm", "first")
    assert not gitinfo.has_local_changes(tmp_path)
    (tmp_path / ".perfaudit").mkdir()
    (tmp_path / ".perfaudit" / ".gitignore").write_text("*\n!.gitignore\n!triage.toml\n")
    (tmp_path / ".perfaudit" / "cache.db").write_bytes(b"x")
    assert not gitinfo.has_local_changes(tmp_path)
    (tmp_path / "b.go").write_text("package a\n")
    assert gitinfo.has_local_changes(tmp_path)
    (tmp_path / "b.go").unlink()
    (tmp_path / "a.go").write_text("package a // edited\n")
    assert gitinfo.has_local_changes(tmp_path)
    assert gitinfo.has_local_changes(tmp_path / "nowhere")
