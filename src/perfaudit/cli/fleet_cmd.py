"""``perfaudit fleet REPOS…``: audit many repositories as Ray tasks into one history database."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime
from pathlib import Path

import click

from perfaudit.cli import _console
from perfaudit.cli._names import unknown_names_error
from perfaudit.cli._reports import split_values
from perfaudit.errors import EXIT_INCOMPLETE, EXIT_OK, UsageError, install_hint
from perfaudit.fleet.records import Selection
from perfaudit.fleet.summary import FleetReport, RepoResult, RepoStatus

DEFAULT_DB = ".perfaudit/fleet.db"
DEFAULT_OUTPUT = ".perfaudit/fleet"


def _read_list(path: str) -> str:
    try:
        return Path(path).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"cannot read repository list {path}: {why}") from exc


def _require_ray() -> None:
    try:
        importlib.import_module("ray")
    except ImportError as exc:
        raise UsageError("fleet audits run on Ray, which is not installed: "
                         f"{install_hint('fleet')}") from exc


def _selection(select: tuple[str, ...], ignore: tuple[str, ...]) -> Selection:
    """The rule selection, every name known to the catalogue."""
    chosen = Selection(select=split_values(select) or (), ignore=split_values(ignore) or ())
    if not (chosen.select or chosen.ignore):
        return chosen
    from perfaudit.rules.catalogue import installed_catalogue, selectable_names

    known = selectable_names(installed_catalogue())
    for flag, names in (("--select", chosen.select), ("--ignore", chosen.ignore)):
        unknown = sorted(set(names) - known)
        if unknown:
            raise unknown_names_error(unknown, known, flag)
    return chosen


def _out_dir(output: str | None, run_id: str) -> Path:
    out_dir = Path(output).expanduser() if output else Path(DEFAULT_OUTPUT) / run_id
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output directory {out_dir}: {exc.strerror}") from exc
    return out_dir


def _print_result(result: RepoResult) -> None:
    if result.status is RepoStatus.FAILED:
        line = f"failed      {result.name}: {result.reason}"
    else:
        line = (f"{result.status.value:<11} {result.name}  P0: {result.p0}  P1: {result.p1}  "
                f"P2: {result.p2}")
        if result.status is RepoStatus.INCOMPLETE:
            line += f"  (incomplete: {result.reason})"
    _console.stdout.print(line, markup=False)


def _write(report: FleetReport, out_dir: Path) -> list[Path]:
    from perfaudit.fleet.render import FILES, to_json, to_markdown

    written = []
    for fmt, text in (("md", to_markdown(report)), ("json", to_json(report))):
        path = out_dir / FILES[fmt]
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
        written.append(path)
    return written


def _print_summary(report: FleetReport, written: list[Path]) -> None:
    from perfaudit.fleet.render import headline

    out = _console.stdout
    out.print(f"Fleet {report.id}: {headline(report)}", markup=False)
    lost = [r.name for r in report.repositories if r.status.lost]
    if lost:
        out.print(f"Incomplete fleet run (exit 4): not fully audited: {', '.join(lost)}",
                  markup=False, style="bold red")
    out.print(f"History database: {report.database}", markup=False)
    for path in written:
        out.print(f"Wrote {path}", markup=False)


@click.command()
@click.argument("repos", nargs=-1)
@click.option("--from", "lists", multiple=True, metavar="FILE",
              help="A file listing repositories, one a line, # for comments (repeatable); "
                   "@FILE among REPOS does the same.")
@click.option("--db", "database", default=DEFAULT_DB, show_default=True,
              help="The history database every audit is stored in.")
@click.option("-o", "--output", help="Directory for fleet.md and fleet.json "
                                     f"[default: {DEFAULT_OUTPUT}/RUN-ID].")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Repositories audited at once [default: one per CPU Ray has].")
@click.option("--address", help="The Ray cluster to run on (auto, HOST:PORT or ray://HOST:PORT) "
                                "[default: a local Ray started for this run].")
@click.option("--select", multiple=True, help="Only these rules, categories or languages.")
@click.option("--ignore", multiple=True, help="Leave out these rules, categories or languages.")
@click.option("--force", is_flag=True,
              help="Audit every repository, even one unchanged since its last fleet audit.")
def fleet(repos: tuple[str, ...], lists: tuple[str, ...], *, database: str, output: str | None,
          jobs: int | None, address: str | None, select: tuple[str, ...],
          ignore: tuple[str, ...], force: bool) -> None:
    """Audit the repositories REPOS (local paths or git URLs; @FILE reads a list) as Ray
    tasks, store every audit in one history database, and write a fleet report."""
    from perfaudit.fleet import targets
    from perfaudit.fleet.dispatch import ray_session
    from perfaudit.fleet.ledger import open_ledger
    from perfaudit.fleet.run import Request, new_run_id, ray_runner, run_fleet
    from perfaudit.store.db import ignore_outputs

    cwd = Path.cwd()
    chosen = targets.targets_of(targets.expand(repos, lists, _read_list), cwd)
    if not chosen:
        raise UsageError("no repositories given (REPOS…, @FILE or --from FILE)")
    request = Request(targets=chosen, selection=_selection(select, ignore), force=force)
    _require_ray()
    run_id = new_run_id(datetime.now(UTC))
    db_path = (cwd / Path(database).expanduser()).resolve()
    conn = open_ledger(db_path)
    try:
        out_dir = _out_dir(output, run_id)
    except UsageError:
        conn.close()
        raise
    if database == DEFAULT_DB or output is None:
        ignore_outputs(cwd / ".perfaudit")
    try:
        with ray_session(address):
            report = run_fleet(conn, request, ray_runner(jobs), run_id=run_id,
                               database=str(db_path), on_result=_print_result)
    finally:
        conn.close()
    _print_summary(report, _write(report, out_dir))
    raise click.exceptions.Exit(EXIT_OK if report.complete else EXIT_INCOMPLETE)


COMMANDS = (fleet,)
