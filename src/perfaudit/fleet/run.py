"""A fleet run from the driver: jobs out to Ray, results stored as they come back, the report."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from perfaudit import __version__, codec
from perfaudit.errors import PerfauditError
from perfaudit.fleet import dispatch, ledger, summary
from perfaudit.fleet.records import Audited, Failed, Job, Outcome, Selection, Target
from perfaudit.fleet.summary import FleetReport, RepoResult
from perfaudit.fleet.task import audit_job
from perfaudit.installation import code_digest
from perfaudit.store.history import load_report

Runner = Callable[[Sequence[Job]], Iterator[Outcome]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Request:
    """What to audit and how: the repositories, the selection, whether to re-audit all."""

    targets: tuple[Target, ...]
    selection: Selection = field(default_factory=Selection)
    force: bool = False


def new_run_id(when: datetime) -> str:
    """A fleet run's id, like an audit's: the UTC time and a random suffix."""
    return f"{when:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def ray_runner(limit: int | None) -> Runner:
    """Jobs run as Ray tasks (at most ``limit`` at once) doing :func:`audit_job`."""
    return lambda jobs: dispatch.run_jobs(jobs, audit_job, limit)


def plan(request: Request, entries: dict[str, ledger.Entry]) -> tuple[Job, ...]:
    """One job a repository; each carries its last complete fleet audit's stamp, unless
    ``force``, so that an unchanged repository is left alone."""
    jobs = []
    for target in request.targets:
        entry = None if request.force else entries.get(target.name)
        known = entry.stamp if entry is not None and entry.complete else None
        jobs.append(Job(target=target, selection=request.selection, rule_pack=code_digest(),
                        tool_version=__version__, previous=known))
    return tuple(jobs)


def settle(conn: sqlite3.Connection, outcome: Outcome, entries: dict[str, ledger.Entry]) -> RepoResult:
    """``outcome`` stored (when audited) and turned into its repository's line."""
    if isinstance(outcome, Failed):
        return summary.failed(outcome.target, outcome.reason)
    try:
        if isinstance(outcome, Audited):
            report = codec.decode(outcome.report)
            ledger.record(conn, outcome, report)
            return summary.from_report(outcome.target, report)
        audit_id = entries[outcome.target].audit_id
        stored = load_report(conn, audit_id)
    except (PerfauditError, sqlite3.Error, ValueError) as exc:
        return summary.failed(outcome.target, f"result not stored: {type(exc).__name__}: {exc}")
    if stored is None:
        return summary.failed(outcome.target, f"its last audit {audit_id} is no longer stored "
                                              "(run again with --force)")
    return summary.from_report(outcome.target, stored, unchanged=True)


def run_fleet(conn: sqlite3.Connection, request: Request, runner: Runner, *, run_id: str,
              database: str, on_result: Callable[[RepoResult], None] = lambda _r: None,
              clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> FleetReport:
    """Audit ``request``'s repositories with ``runner``, store each audit in ``conn`` as it
    comes back (``on_result`` is told each repository's line), and return the fleet report."""
    started = clock()
    entries = ledger.last_entries(conn, [t.name for t in request.targets])
    results = []
    for outcome in runner(plan(request, entries)):
        result = settle(conn, outcome, entries)
        on_result(result)
        results.append(result)
    return summary.summarise(tuple(results), run_id=run_id,
                             started=started.isoformat(timespec="seconds"),
                             finished=clock().isoformat(timespec="seconds"),
                             tool_version=__version__, database=database)
