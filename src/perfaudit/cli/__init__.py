"""Command-line interface: argv in, files and one summary out, errors turned into exit codes."""

from __future__ import annotations

import os
import sys

import click

from perfaudit import __version__
from perfaudit.cli import _console, audit_cmd, bench_cmd, profile_cmd, rules_cmd, track_cmd
from perfaudit.errors import EXIT_INTERNAL, EXIT_USAGE, PerfauditError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="perfaudit")
def cli() -> None:
    """perfaudit: performance audits of Go and Python repositories."""


for _command in (*audit_cmd.COMMANDS, *rules_cmd.COMMANDS, *track_cmd.COMMANDS,
                 *bench_cmd.COMMANDS, *profile_cmd.COMMANDS):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with perfaudit's exit codes (0, 1 findings, 2 usage, 3 internal)."""
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
