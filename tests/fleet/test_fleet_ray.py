"""Fleet runs on a local Ray: counts per repository, failures named, re-runs, the history."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from fleet_helpers import GO_COUNTS, GO_FILES, GO_RULES, PY_COUNTS, PY_FILES, PY_RULES, commit_files

from perfaudit.cli import main
from perfaudit.errors import EXIT_INCOMPLETE, EXIT_OK
from perfaudit.fleet import dispatch, ledger
from perfaudit.fleet.records import Job, Kind, Outcome, Target
from perfaudit.fleet.run import Request, run_fleet
from perfaudit.fleet.task import audit_job
from perfaudit.model import Tier
from perfaudit.store import open_store
from perfaudit.store.history import list_audits, load_report

Repos = Callable[[str, dict[str, str]], Path]


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    """One local Ray for the module; the command uses it as it finds it."""
    import ray

    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.ERROR,
             log_to_driver=False)
    yield
    ray.shutdown()


def _fleet(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, dict[str, Any]]:
    """Run ``perfaudit fleet``; its exit code, stdout and fleet.json."""
    out_dir = Path("out")
    with pytest.raises(SystemExit) as done:
        main(["fleet", "--db", "fleet.db", "-o", str(out_dir), *args])
    stdout = capsys.readouterr().out
    return int(done.value.code or 0), stdout, json.loads((out_dir / "fleet.json").read_text())


def _rows(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["name"]: row for row in report["repositories"]}


def _counts(row: dict[str, Any]) -> dict[str, int]:
    return {key: row[key] for key in ("p0", "p1", "p2")}


def _rules(row: dict[str, Any]) -> dict[str, int]:
    return {count["rule"]: count["findings"] for count in row["rules"]}


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_each_repository_is_counted_and_each_failure_named(
        in_tmp: Path, make_git_repo: Repos, capsys: pytest.CaptureFixture[str]) -> None:
    go, py = make_git_repo("go", GO_FILES), make_git_repo("py", PY_FILES)
    broken = make_git_repo("broken", {**PY_FILES, "perfaudit.toml": "jobs = [unclosed\n"})
    (in_tmp / "garbage.bin").write_bytes(b"\x00\x9f\x92\x96 not a repository")
    (in_tmp / "repos.txt").write_text(
        f"# the fleet\n{go}\npy   # relative to the working directory\n{go.as_uri()}\n",
        encoding="utf-8")
    missing_url = (in_tmp / "no-such-remote").as_uri()
    code, stdout, report = _fleet(capsys, "@repos.txt", "missing", "garbage.bin", str(broken),
                                  missing_url)

    assert code == EXIT_INCOMPLETE and report["complete"] is False
    rows = _rows(report)
    for name in (str(go), go.as_uri()):
        assert (rows[name]["status"], _counts(rows[name]), _rules(rows[name])) == (
            "audited", GO_COUNTS, GO_RULES)
    assert (rows[str(py)]["status"], _counts(rows[str(py)]), _rules(rows[str(py)])) == (
        "audited", PY_COUNTS, PY_RULES)
    failures = {name: row["reason"] for name, row in rows.items() if row["status"] == "failed"}
    assert failures.keys() == {str(in_tmp / "missing"), str(in_tmp / "garbage.bin"), str(broken),
                               missing_url}
    assert failures[str(in_tmp / "missing")] == "no such directory"
    assert failures[str(in_tmp / "garbage.bin")] == "not a directory"
    assert "invalid TOML" in failures[str(broken)]
    assert failures[missing_url].startswith("git clone failed: ")
    for name, reason in failures.items():
        assert f"failed      {name}: {reason}" in stdout
    assert "Incomplete fleet run (exit 4)" in stdout

    assert report["most_p0"] == sorted([str(go), go.as_uri()])
    top = report["rules"][0]
    assert (top["rule"], top["findings"], top["repositories"]) in {
        (rule, 2, 2) for rule in GO_RULES}
    markdown = (in_tmp / "out" / "fleet.md").read_text()
    assert "**Incomplete:**" in markdown and f"- `{missing_url}` (failed)" in markdown


def test_the_database_holds_every_audit(in_tmp: Path, make_git_repo: Repos,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    go, py = make_git_repo("go", GO_FILES), make_git_repo("py", PY_FILES)
    code, _stdout, report = _fleet(capsys, str(go), str(py))
    assert code == EXIT_OK and report["database"] == str(in_tmp / "fleet.db")
    conn = open_store(in_tmp / "fleet.db")
    try:
        for root, counts in ((go, GO_COUNTS), (py, PY_COUNTS)):
            [row] = list_audits(conn, str(root))
            assert row.id == _rows(report)[str(root)]["audit_id"]
            assert row.commit == _rows(report)[str(root)]["commit"]
            stored = load_report(conn, row.id)
            assert stored is not None and stored.audit.target == str(root)
            found = [f for f in stored.findings if f.tier is Tier.FINDING]
            assert {f"p{n}": sum(1 for f in found if f.severity.rank == n)
                    for n in range(3)} == counts
        entries = ledger.last_entries(conn, [str(go), str(py)])
        assert {e.audit_id for e in entries.values()} == {
            row["audit_id"] for row in report["repositories"]}
    finally:
        conn.close()


def test_a_rerun_audits_only_what_moved(in_tmp: Path, make_git_repo: Repos,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    go, py = make_git_repo("go", GO_FILES), make_git_repo("py", PY_FILES)
    first = _rows(_fleet(capsys, str(go), str(py))[2])
    code, _stdout, report = _fleet(capsys, str(go), str(py), "--jobs", "1")
    again = _rows(report)
    assert code == EXIT_OK
    assert {n: r["status"] for n, r in again.items()} == {str(go): "unchanged", str(py): "unchanged"}
    assert {n: (r["audit_id"], _counts(r)) for n, r in again.items()} == {
        n: (r["audit_id"], _counts(r)) for n, r in first.items()}

    head = commit_files(py, {"shop/extra.py": "X = 1\n"}, "second")
    moved = _rows(_fleet(capsys, str(go), str(py))[2])
    assert (moved[str(go)]["status"], moved[str(py)]["status"]) == ("unchanged", "audited")
    assert moved[str(py)]["commit"] == head and moved[str(py)]["audit_id"] != first[str(py)]["audit_id"]

    forced = _rows(_fleet(capsys, str(go), str(py), "--force")[2])
    assert {r["status"] for r in forced.values()} == {"audited"}
    conn = open_store(in_tmp / "fleet.db")
    try:
        assert (len(list_audits(conn, str(go))), len(list_audits(conn, str(py)))) == (2, 3)
    finally:
        conn.close()


def dies_on_doomed(job: Job) -> Outcome:
    """``audit_job``, except that the worker of a repository named ``doomed`` dies."""
    if Path(job.target.name).name == "doomed":
        os._exit(1)
    return audit_job(job)


def test_a_task_that_dies_costs_its_repository_alone(in_tmp: Path, make_git_repo: Repos) -> None:
    import ray

    py = make_git_repo("py", PY_FILES)
    doomed = Target(name=str(in_tmp / "doomed"), kind=Kind.PATH)
    conn = ledger.open_ledger(in_tmp / "fleet.db")

    def runner(jobs: Sequence[Job]) -> Iterator[Outcome]:
        return dispatch.run_jobs(jobs, dies_on_doomed)

    # workers cannot import this test module: the function travels by value
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:
        report = run_fleet(conn, Request(targets=(Target(name=str(py), kind=Kind.PATH), doomed)),
                           runner, run_id="R", database="fleet.db")
    finally:
        ray.cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
        conn.close()
    rows = {r.name: r for r in report.repositories}
    assert not report.complete
    assert rows[str(py)].status.value == "audited"
    assert rows[doomed.name].status.value == "failed"
    assert rows[doomed.name].reason.startswith("the Ray task died (WorkerCrashedError)")
