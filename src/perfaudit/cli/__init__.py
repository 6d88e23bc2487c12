"""Command-line interface: argv in, files and one summary out, errors turned into exit codes."""

from __future__ import annotations

import importlib
import os
import sys

import click

from perfaudit import __version__
from perfaudit.errors import EXIT_INTERNAL, EXIT_USAGE, PerfauditError

COMMANDS = {
    "audit": ("audit_cmd", "audit"),
    "rules": ("rules_cmd", "list_rules"),
    "rule": ("rules_cmd", "show_rule"),
    "history": ("track_cmd", "history_command"),
    "revalidate": ("track_cmd", "revalidate"),
    "triage": ("track_cmd", "triage_command"),
    "bench": ("bench_cmd", "bench"),
    "compare": ("bench_cmd", "compare_cmd"),
    "profile": ("profile_cmd", "profile"),
    "serve": ("serve_cmd", "serve"),
    "fleet": ("fleet_cmd", "fleet"),
}
"""Each command's module and attribute: a command's module is imported only when it runs, so
``perfaudit --version`` or ``perfaudit rules`` do not pay for the audit's imports."""


class _Commands(click.Group):
    """The command group, loading each command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name."""
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command called ``cmd_name``, its module imported now; None when unknown."""
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        command: click.Command = getattr(
            importlib.import_module(f"perfaudit.cli.{target[0]}"), target[1])
        return command


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="perfaudit")
def cli() -> None:
    """perfaudit: performance audits of Go and Python repositories."""


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with perfaudit's exit codes (0, 1 findings, 2 usage, 3 internal)."""
    # pydantic validates only perfaudit's own settings and reports here; looking for
    # third-party pydantic plugins reads every installed package's metadata (a tenth of a
    # one-file audit's time) to find nothing worth observing
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from perfaudit.cli import _console  # rich only once a command runs

    try:
        code = cli.main(args=argv, prog_name="perfaudit", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except BrokenPipeError:  # stdout's reader left (``| head``): not an error of ours
        _console.silence_stdout()
        code = 0
    except click.Abort:
        _console.error("aborted")
        code = 130
    except click.ClickException as exc:
        _console.error(exc.format_message())
        code = EXIT_USAGE
    except PerfauditError as exc:
        _console.error(str(exc))
        code = exc.exit_code
    except Exception as exc:
        if os.environ.get("PERFAUDIT_DEBUG"):
            raise
        _console.error(f"internal error: {type(exc).__name__}: {exc} "
                       "(set PERFAUDIT_DEBUG=1 for a traceback)")
        code = EXIT_INTERNAL
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _console.silence_stdout()
    sys.exit(code if isinstance(code, int) else 0)
