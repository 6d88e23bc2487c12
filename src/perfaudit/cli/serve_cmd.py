"""``perfaudit serve``: the triage web app over the history database, on this machine."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import click

from perfaudit import gitinfo
from perfaudit.cli import _console
from perfaudit.config import load_config
from perfaudit.errors import UsageError, install_hint
from perfaudit.pipeline import resolve_root
from perfaudit.store import database_path, open_store
from perfaudit.web.settings import WebSettings, accepted_hosts, is_loopback

_WEB_EXTRA = f"the web app needs starlette and uvicorn: {install_hint('web')}"


def _require_web() -> None:
    """A usage error naming the extra when starlette or uvicorn is not installed."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] in {"starlette", "uvicorn"}:
            raise UsageError(_WEB_EXTRA) from exc
        raise


def _database(root: Path, given: Path | None, config_file: Path | None) -> Path:
    """``--db`` as given, else the database the other history commands use for ``root``."""
    path = given.expanduser() if given else database_path(root, load_config(
        root, config_file, {}).database)
    if not path.is_file():
        raise UsageError(f"no history database at {path} (run `perfaudit audit` first)")
    return path.resolve()


def _check_host(host: str, allow_remote: bool) -> None:
    if is_loopback(host):
        return
    if not allow_remote:
        raise UsageError(f"--host {host} is not a loopback address; pass --allow-remote to let "
                         "other machines read the audits and record triage decisions")
    _console.error(f"warning: serving on {host}: anyone who can reach it can read the audits "
                   "and record triage decisions, with no login")


@click.command("serve")
@click.argument("path", default=".")
@click.option("--db", "database", type=click.Path(path_type=Path, dir_okay=False),
              help="History database [default: the configured one, .perfaudit/perfaudit.db].")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--allow-remote", is_flag=True, help="Allow a --host other machines can reach.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Config file (TOML).")
def serve(path: str, database: Path | None, host: str, port: int, *, allow_remote: bool,
          config_file: Path | None) -> None:
    """Browse and triage the stored audits of PATH in a local web app."""
    root = resolve_root(path)
    db = _database(root, database, config_file)
    _check_host(host, allow_remote)
    _require_web()
    from perfaudit.web import server  # starlette and uvicorn: only once they are known there
    from perfaudit.web.app import create_app

    open_store(db).close()  # a file that is no database is a usage error, said here
    settings = WebSettings(root=root, database=db, secret=secrets.token_bytes(32),
                           author=gitinfo.user_name(root) or os.environ.get("USER", ""),
                           hosts=accepted_hosts(host, allow_remote))
    app = create_app(settings)
    sock = server.bind(host, port)
    _console.stdout.print(f"Serving the audits of {root} at {server.url(sock)} "
                          "(Ctrl+C stops)", markup=False)
    with sock, contextlib.suppress(KeyboardInterrupt):  # Ctrl+C is how a server is stopped
        server.server(app).run(sockets=[sock])


COMMANDS = (serve,)
