"""Run a local command with text on stdin, keeping at most a given number of bytes of its output.

``subprocess.run`` keeps all the output in memory; a command that prints without end would fill
it. Here stdout is read as it comes and the command is killed as soon as it passes the limit.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO

from perfaudit.reviewers.llm.limits import READ_CHUNK

STDERR_TAIL = 8 * 1024
_JOIN_S = 5.0  # a grandchild holding the pipes open must not hold the review


class OutputTooLong(Exception):
    """The command printed more than it may; it was killed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Finished:
    """A command's exit status, its stdout, and the end of its stderr."""

    returncode: int
    stdout: str
    stderr: str


class _Reader(threading.Thread):
    """Drains one pipe: up to ``limit`` bytes (calling ``overflow`` past it) or only the tail."""

    def __init__(self, stream: IO[bytes], *, limit: int | None,
                 overflow: Callable[[], None] = lambda: None) -> None:
        super().__init__(daemon=True)
        self.data = bytearray()
        self.overflowed = False
        self._stream = stream
        self._limit = limit
        self._overflow = overflow

    def run(self) -> None:
        """Read until end of file, or until the limit is passed."""
        with self._stream:
            while chunk := self._stream.read(READ_CHUNK):
                self.data += chunk
                if self._limit is None:
                    del self.data[:-STDERR_TAIL]
                elif len(self.data) > self._limit:
                    self.overflowed = True
                    self._overflow()
                    return


def _feed(stream: IO[bytes], data: bytes) -> None:
    try:
        with stream:
            stream.write(data)
    except OSError:  # the command may exit, or close stdin, before reading all of it
        pass


def run_capped(command: Sequence[str], text: str, *, timeout_s: float, limit: int) -> Finished:
    """Run ``command`` with ``text`` (UTF-8) on stdin.

    Raises ``subprocess.TimeoutExpired`` after ``timeout_s`` seconds, ``OutputTooLong`` once
    stdout passes ``limit`` bytes (the command is killed in both cases), ``OSError`` if it cannot
    start.
    """
    process = subprocess.Popen(list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    out = _Reader(process.stdout, limit=limit, overflow=process.kill)
    err = _Reader(process.stderr, limit=None)
    feeder = threading.Thread(target=_feed, args=(process.stdin, text.encode("utf-8")), daemon=True)
    for thread in (out, err, feeder):
        thread.start()
    try:
        returncode = process.wait(timeout=timeout_s)
    except BaseException:
        process.kill()
        process.wait()
        raise
    finally:
        for thread in (out, err, feeder):
            thread.join(_JOIN_S)
    if out.overflowed:
        raise OutputTooLong(f"output passed {limit:,} bytes")
    return Finished(returncode=returncode, stdout=out.data.decode("utf-8", errors="replace"),
                    stderr=err.data.decode("utf-8", errors="replace"))
