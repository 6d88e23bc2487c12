"""Terminal output: the only place that writes to stdout/stderr (rich)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console

if TYPE_CHECKING:
    from rich.progress import Progress

    from perfaudit.pipeline import Hooks


class _Stdout(Console):
    """stdout whose reader may leave (``| head``): printing stops, the command's outcome stands.

    rich's own answer to a closed pipe is to exit with status 1, perfaudit's "findings" code.
    """

    def on_broken_pipe(self) -> None:
        """Print nothing more; the exit code stays the command's."""
        silence_stdout()
        self.quiet = True


stdout = _Stdout(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def silence_stdout() -> None:
    """Point stdout at /dev/null: its reader went away, and Python would otherwise fail again
    flushing it at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def interactive() -> bool:
    """Whether a progress bar belongs on stderr (a terminal, and not CI)."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress_hooks(enabled: bool) -> Iterator[Hooks]:
    """Pipeline hooks that drive a progress bar on stderr when ``enabled``."""
    from perfaudit.pipeline import Hooks  # the pipeline's imports are heavy

    if not enabled:
        yield Hooks()
        return
    with _bar() as bar:
        task = bar.add_task("reviewing", total=None)
        yield Hooks(on_start=lambda total: bar.update(task, total=total),
                    progress=lambda _done: bar.advance(task))


@contextmanager
def _bar() -> Iterator[Progress]:
    """A transient progress bar on stderr: what it is doing, the bar, done of all, time."""
    from rich.progress import (  # only a progress bar needs these
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as bar:
        yield bar


RoundHook = Callable[[int, int, str], None]


@contextmanager
def round_progress(enabled: bool) -> Iterator[RoundHook]:
    """A benchmark run's progress on stderr when ``enabled``: a bar over its rounds, the
    revision measured now and the time taken. The hook is told each round as it starts."""
    if not enabled:
        yield lambda _step, _total, _side: None
        return
    with _bar() as bar:
        task = bar.add_task("checking out the revisions", total=None)

        def started(step: int, total: int, side: str) -> None:
            bar.update(task, total=total, completed=step - 1,
                       description=f"round {step}/{total}: measuring {side}")

        yield started


def error(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    stderr.print(f"perfaudit: {message}", markup=False)
