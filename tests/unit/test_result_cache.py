"""The result cache: what it keeps, that a cached audit equals an uncached one, and that a
broken, foreign, busy or unwritable cache never stops an audit."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from perfaudit import codec, discover, installation
from perfaudit.config import Config
from perfaudit.discover import discover_files
from perfaudit.heat import summarize_tree
from perfaudit.heat.model import Heat, Level
from perfaudit.heat.replay import Recording, Replay
from perfaudit.model import Language, Report, Tier
from perfaudit.pipeline import Hooks, run_audit
from perfaudit.reviewers import cached
from perfaudit.store import cache as cache_module
from perfaudit.store.cache import ResultCache
from perfaudit.syntax.grammars import parse

REPO = Path(__file__).resolve().parents[2]
HELPER = ('package a\n\nimport "regexp"\n\nfunc check(s string) bool {\n'
          '\tre := regexp.MustCompile(`^a+$`)\n\treturn re.MatchString(s)\n}\n')
HANDLER = ('package a\n\nimport "net/http"\n\nfunc Handle(w http.ResponseWriter, r *http.Request) {\n'
           '\t_ = check(r.URL.Path)\n}\n')
UNUSED = 'package a\n\nfunc Unused() {}\n'


def _comparable(report: Report) -> str:
    """The report as JSON less what differs between runs (ids, times, durations, cache use)."""
    data = json.loads(codec.encode(report))
    audit = data["audit"]
    for key in ("id", "started", "finished"):
        audit.pop(key, None)
    for run in audit["reviewers"]:
        for key in ("duration_s", "cache_hits", "cache_misses"):
            run.pop(key, None)
    return json.dumps(data, sort_keys=True)


def _rules_run(report: Report) -> Any:
    return next(r for r in report.audit.reviewers if r.name == "rules")


# -- the store ---------------------------------------------------------------------------
def test_values_come_back_by_namespace_and_key(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c.db")
    assert cache.usable and not cache.rebuilt
    assert cache.put_many("a", {"k1": b"one", "k2": b"two"})
    assert cache.put_many("b", {"k1": b"other"})
    assert cache.get_many("a", ["k1", "k2", "k3"]) == {"k1": b"one", "k2": b"two"}
    assert cache.get_all("b") == {"k1": b"other"}
    cache.close()
    assert ResultCache(tmp_path / "c.db").get_many("a", ["k1"]) == {"k1": b"one"}


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b""])
def test_a_corrupt_file_is_rebuilt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "c.db"
    path.write_bytes(content)
    cache = ResultCache(path, may_rebuild=True)
    assert cache.usable
    assert cache.put_many("a", {"k": b"v"}) and cache.get_many("a", ["k"]) == {"k": b"v"}
    assert bool(cache.rebuilt) == bool(content)


def test_a_foreign_database_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE mine (x)")
    other.execute("INSERT INTO mine VALUES (1)")
    other.commit()
    other.close()
    cache = ResultCache(path, may_rebuild=True)
    assert cache.rebuilt and cache.usable
    assert cache.get_many("a", ["k"]) == {}


def test_a_file_elsewhere_that_is_not_a_cache_is_left_alone(tmp_path: Path) -> None:
    victim = tmp_path / "notes.txt"
    victim.write_text("precious " * 100)
    cache = ResultCache(victim)  # a cache_path a repository's settings point anywhere
    assert not cache.usable and cache.refused and not cache.rebuilt
    assert victim.read_text() == "precious " * 100


def test_a_value_of_another_type_is_a_miss(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c.db")
    cache.put_many("a", {"k": b"v"})
    assert cache._conn is not None
    cache._conn.execute("UPDATE entries SET value = 'text'")
    assert cache.get_many("a", ["k"]) == {} and cache.get_all("a") == {}


def test_the_bound_counts_pages_in_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "MAX_BYTES", 400_000)
    cache = ResultCache(tmp_path / "c.db")
    cache.put_many("a", {f"k{n}": b"x" * 1000 for n in range(300)})  # past the bound once
    kept = len(cache.get_all("a"))
    assert kept < 300
    for n in range(5):  # freed pages stay in the file; they must not evict what is left
        cache.put_many("b", {f"k{n}": b"y"})
    assert len(cache.get_all("a")) == kept


def test_an_unwritable_place_gives_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = ResultCache(blocker / "sub" / "c.db")
    assert not cache.usable
    assert cache.get_many("a", ["k"]) == {} and not cache.put_many("a", {"k": b"v"})


def test_the_oldest_entries_are_evicted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 3)
    cache = ResultCache(tmp_path / "c.db")
    for number in range(5):
        cache.put_many("a", {f"k{number}": b"v"})
        assert cache._conn is not None
        cache._conn.execute("UPDATE entries SET used = ? WHERE key = ?", (number, f"k{number}"))
    cache.put_many("a", {"k5": b"v"})
    assert len(cache.get_all("a")) <= 3 and "k5" in cache.get_all("a")
    assert "k0" not in cache.get_all("a")


def _writer(path: str, worker: int) -> None:
    cache = ResultCache(Path(path))
    for batch in range(20):
        assert cache.put_many("a", {f"{worker}-{batch}-{i}": b"x" * 100 for i in range(20)})


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    workers = [multiprocessing.Process(target=_writer, args=(str(path), n)) for n in range(4)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    assert len(ResultCache(path).get_all("a")) == 4 * 20 * 20


# -- codecs ------------------------------------------------------------------------------
def test_summaries_round_trip_and_reject_other_json() -> None:
    path = REPO / "examples" / "go-service" / "store.go"
    summary = summarize_tree("store.go", parse(path.read_bytes(), Language.GO).root_node,
                             Language.GO)
    assert summary.functions and any(f.calls for f in summary.functions)
    assert cached.decode_summary(cached.encode_summary(summary)) == summary
    row = json.loads(cached.encode_summary(summary))
    row[4][1][10] = row[4][1][10][:-1]  # a call cut short
    for bad in (json.dumps(row).encode(), b"[]", b"{", b'["a", "b", true, [], [[1]]]',
                b'["a", "b", true, ["x"], []]'):
        with pytest.raises(ValueError):
            cached.decode_summary(bad)


def test_heat_answers_replay_and_refuse_new_questions() -> None:
    class Source:
        def at(self, path: str, line: int) -> Heat:
            return Heat(Level.HOT, "runs per request", ("Handle", path))

        def cold_place(self, path: str) -> str:
            return "in example code" if path.startswith("examples/") else ""

    recording = Recording(Source())
    recording.at("a.go", 3)
    recording.cold_place("examples/x.go")
    replay = Replay(recording.encode())
    assert replay.at("a.go", 3) == Heat(Level.HOT, "runs per request", ("Handle", "a.go"))
    assert replay.cold_place("examples/x.go") == "in example code"
    with pytest.raises(KeyError):
        replay.at("a.go", 4)
    with pytest.raises(ValueError):
        Replay(b'{"heat": [["a.go", 1, "scorching", "", []]], "places": {}}')


# -- audits ------------------------------------------------------------------------------
@pytest.fixture
def service(tmp_path: Path) -> Path:
    root = tmp_path / "svc"
    shutil.copytree(REPO / "examples" / "go-service", root / "go")
    shutil.copytree(REPO / "examples" / "py-service", root / "py")
    for leftover in root.rglob(".perfaudit"):
        shutil.rmtree(leftover)
    return root


def test_a_cached_audit_equals_an_uncached_one(service: Path, hooks: Hooks) -> None:
    config = Config(jobs=1, show_all=True)
    fresh = run_audit(service, replace(config, cache=False), hooks)
    first = run_audit(service, config, hooks)
    second = run_audit(service, config, hooks)
    assert fresh.findings and _comparable(fresh) == _comparable(first) == _comparable(second)
    files = first.audit.files_scanned
    assert (_rules_run(first).cache_hits, _rules_run(first).cache_misses) == (0, files)
    assert (_rules_run(second).cache_hits, _rules_run(second).cache_misses) == (files, 0)
    assert (_rules_run(fresh).cache_hits, _rules_run(fresh).cache_misses) == (0, 0)


def test_a_broken_entry_is_a_miss(service: Path, hooks: Hooks) -> None:
    config = Config(jobs=1, show_all=True)
    first = run_audit(service, config, hooks)
    conn = sqlite3.connect(service / ".perfaudit" / "cache.db")
    conn.execute("UPDATE entries SET value = X'7b7b'")  # every value: "{{"
    conn.commit()
    conn.close()
    again = run_audit(service, config, hooks)
    assert _comparable(again) == _comparable(first)
    assert _rules_run(again).cache_misses == again.audit.files_scanned


def test_a_cache_git_tracks_is_not_used(service: Path, hooks: Hooks) -> None:
    config = Config(jobs=1, show_all=True)
    run_audit(service, config, hooks)
    subprocess.run(["git", "init", "-q", str(service)], check=True)
    subprocess.run(["git", "-C", str(service), "add", "-f", ".perfaudit/cache.db"], check=True)
    again = run_audit(service, config, hooks)
    assert (_rules_run(again).cache_hits, _rules_run(again).cache_misses) == (0, 0)


def test_a_corrupt_cache_file_is_noted_and_rebuilt(service: Path, hooks: Hooks) -> None:
    config = Config(jobs=1, show_all=True)
    first = run_audit(service, config, hooks)
    (service / ".perfaudit" / "cache.db").write_bytes(b"garbage" * 1000)
    for suffix in ("-wal", "-shm"):
        (service / ".perfaudit" / f"cache.db{suffix}").unlink(missing_ok=True)
    again = run_audit(service, config, hooks)
    assert _comparable(replace(again, audit=replace(again.audit, diagnostics=()))) \
        == _comparable(first)
    assert [d.kind for d in again.audit.diagnostics] == ["cache-rebuilt"]
    assert again.audit.complete


def test_summaries_of_the_wrong_types_are_made_again(service: Path, hooks: Hooks) -> None:
    config = Config(jobs=1, show_all=True)
    first = run_audit(service, config, hooks)
    conn = sqlite3.connect(service / ".perfaudit" / "cache.db")
    rows = conn.execute("SELECT namespace, key, value FROM entries "
                        "WHERE namespace LIKE 'summary:%'").fetchall()
    for namespace, key, value in rows:
        row = json.loads(value)
        for function in row[4]:
            function[3] = "one"  # a start line that is text
        conn.execute("UPDATE entries SET value = ? WHERE namespace = ? AND key = ?",
                     (json.dumps(row).encode(), namespace, key))
    conn.execute("DELETE FROM entries WHERE namespace LIKE 'heat:%'")
    conn.commit()
    conn.close()
    (service / "go" / "store.go").write_text(
        (service / "go" / "store.go").read_text() + "\n// edited\n")  # heat must be answered
    again = run_audit(service, config, hooks)
    assert [(f.rule, f.location.start_line, f.tier) for f in again.findings] == \
        [(f.rule, f.location.start_line, f.tier) for f in first.findings]


def test_heat_from_an_edited_file_reaches_a_cached_one(
        make_repo: Callable[[dict[str, str | bytes]], Path], hooks: Hooks) -> None:
    root = make_repo({"go.mod": "module a\n\ngo 1.22\n", "a.go": HELPER, "b.go": HANDLER})
    config = Config(jobs=1, show_all=True)

    def tiers() -> list[tuple[str, Tier]]:
        report = run_audit(root, config, hooks)
        return [(f.rule or "", f.tier) for f in report.findings]

    assert tiers() == [("regexp-compile-per-call", Tier.FINDING)]
    (root / "b.go").write_text(UNUSED, encoding="utf-8")  # a.go is unchanged, and cached
    assert tiers() == [("regexp-compile-per-call", Tier.UNPROVEN)]
    (root / "b.go").write_text(HANDLER, encoding="utf-8")
    assert tiers() == [("regexp-compile-per-call", Tier.FINDING)]


def test_unchanged_files_are_not_read_again(make_repo: Callable[[dict[str, str | bytes]], Path],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_repo({"go.mod": "module a\n\ngo 1.22\n", "a.go": HELPER, "b.go": HANDLER})
    first = discover_files(root)
    # readings made now are too fresh to keep (racy); remember them as an older run would
    remembered = {f.path: discover.Seen(discover._stamp((root / f.path).stat()), None, f.lines,
                                        f.digest) for f in first.files}
    read: list[str] = []
    original = discover._content_skip

    def counting(path: str, max_bytes: int) -> tuple[discover.Seen, str]:
        read.append(Path(path).name)
        return original(path, max_bytes)

    monkeypatch.setattr(discover, "_content_skip", counting)
    (root / "b.go").write_text(UNUSED, encoding="utf-8")
    again = discover_files(root, remembered=remembered)
    assert read == ["b.go"]
    digests = {f.path: f.digest for f in again.files}
    assert digests["a.go"] == remembered["a.go"].digest
    assert digests["b.go"] != remembered["b.go"].digest
    assert "b.go" not in again.seen  # just written: racy, read again next time


def test_two_audits_at_once_both_finish(service: Path) -> None:
    command = [sys.executable, "-m", "perfaudit", "audit", str(service), "--no-history",
               "-f", "json", "-j", "1"]
    runs = [subprocess.Popen([*command, "-o", str(service / f"out{n}")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for n in range(2)]
    for process in runs:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    reports = [json.loads((service / f"out{n}" / "findings.json").read_text()) for n in range(2)]
    assert [f["fingerprint"] for f in reports[0]["findings"]] == \
        [f["fingerprint"] for f in reports[1]["findings"]]


def test_another_generation_clears_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    first = ResultCache(path, generation="one")
    first.put_many("a", {"k": b"v"})
    first.close()
    assert ResultCache(path, generation="one").get_many("a", ["k"]) == {"k": b"v"}
    assert ResultCache(path, generation="two").get_many("a", ["k"]) == {}


def test_compiled_files_do_not_change_the_code_digest(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub" / "__pycache__").mkdir(parents=True)
    (package / "sub" / "mod.py").write_text("x = 1\n")
    monkeypatch.setattr(installation, "_PACKAGE", package)
    installation.code_digest.cache_clear()
    before = installation.code_digest()
    (package / "sub" / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"compiled")
    installation.code_digest.cache_clear()
    assert installation.code_digest() == before
    (package / "sub" / "mod.py").write_text("x = 22\n")
    installation.code_digest.cache_clear()
    assert installation.code_digest() != before
    installation.code_digest.cache_clear()
