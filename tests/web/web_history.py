"""A repository with a real history, built through the command line: audited, edited,
re-validated and audited again; and the settings of an app over it."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from perfaudit.cli import main
from perfaudit.store import connect, history
from perfaudit.web.settings import WebSettings

LOOP = ('package a\n\nimport "time"\n\nfunc {name}(ch chan int) {{\n\tfor {{\n\t\tselect {{\n'
        '\t\tcase v := <-ch:\n\t\t\t_ = v\n\t\tcase <-time.After({wait}):\n\t\t}}\n\t}}\n}}\n')
COMPILE_IN_LOOP = ('\tfor _, name := range names() {\n'
                   '\t\tword := regexp.MustCompile(`(?i)\\b` + regexp.QuoteMeta(q) + `\\b`)\n')
COMPILE_ONCE = ('\tword := regexp.MustCompile(`(?i)\\b` + regexp.QuoteMeta(q) + `\\b`)\n'
                '\tfor _, name := range names() {\n')
API = ('package a\n\nimport (\n\t"net/http"\n\t"regexp"\n\t"strings"\n)\n\n'
       '// Search matches names against the query as a word.\n'
       'func Search(w http.ResponseWriter, r *http.Request) {\n\tq := r.URL.Query().Get("q")\n'
       + COMPILE_IN_LOOP +
       '\t\tif word.MatchString(name) {\n\t\t\t_, _ = w.Write([]byte(name))\n\t\t}\n\t}\n}\n\n'
       '// Export writes every name on one page.\n'
       'func Export(w http.ResponseWriter, r *http.Request) {\n'
       '\tout := "<script>alert(\'names\')</script>\\n"\n'
       '\tfor _, name := range names() {\n\t\tout += name + "\\n"\n\t}\n'
       '\t_, _ = w.Write([]byte(strings.TrimSpace(out)))\n}\n\n'
       'func names() []string { return []string{"a", "b"} }\n')


@dataclass(frozen=True, slots=True, kw_only=True)
class History:
    """The repository, its database and its audits (oldest first)."""

    root: Path
    database: Path
    audits: tuple[str, ...]

    def settings(self, **changes: object) -> WebSettings:
        """Settings for an app over this history, with a fixed secret and author."""
        base: dict[str, object] = {"root": self.root, "database": self.database,
                                   "secret": b"s" * 32, "author": "tester"}
        return WebSettings(**{**base, **changes})  # type: ignore[arg-type]


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.email=t@t", "-c", "user.name=t", *args],
                   check=True, capture_output=True)


def _cli(*args: str) -> None:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    assert done.value.code == 0, args


def _commit(root: Path, files: dict[str, str], message: str) -> None:
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", message)


def build_history(parent: Path) -> History:
    """Audit one, then fix, change, rename and add code, re-validate, audit two; then fix
    more and audit three."""
    root = parent / "repo"
    root.mkdir()
    _git(root, "init", "-q")
    _commit(root, {"go.mod": "module a\n\ngo 1.22\n", "perfaudit.toml": "jobs = 1\n",
                   "api.go": API, "poll.go": LOOP.format(name="Poll", wait="1"),
                   "drain.go": LOOP.format(name="Drain", wait="2")}, "one")
    out = root.parent / "reports"
    _cli("audit", str(root), "-f", "json", "-o", str(out / "1"))
    _commit(root, {"api.go": API.replace(COMPILE_IN_LOOP, COMPILE_ONCE),
                   "poll.go": LOOP.format(name="PollAll", wait="1"),
                   "drain.go": LOOP.format(name="Drain", wait="2 * time.Second"),
                   "watch.go": LOOP.format(name="Watch", wait="3")}, "two")
    _cli("revalidate", str(root), "-f", "json", "-o", str(out / "rv"))
    _cli("audit", str(root), "-f", "json", "-o", str(out / "2"))
    (root / "drain.go").unlink()
    _commit(root, {}, "three")
    _cli("audit", str(root), "-f", "json", "-o", str(out / "3"))
    database = root / ".perfaudit" / "perfaudit.db"
    conn = connect(database)
    try:
        ids = tuple(row.id for row in reversed(history.list_audits(conn, str(root))))
    finally:
        conn.close()
    assert len(ids) == 3
    return History(root=root, database=database, audits=ids)
