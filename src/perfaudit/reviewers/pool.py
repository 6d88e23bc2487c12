"""Worker processes that outlive a crashing input: one task's crash costs that task alone.

Each worker takes a chunk of tasks at a time and answers one result per task, so when a worker
dies the parent knows exactly which task it was working on. That task is retried alone in a
fresh worker; a task that kills a worker twice is given up with a :class:`Crashed` result, and
the rest of its chunk goes back to the queue. A dead worker is replaced. Workers watch their
parent and exit when it is gone, so killing an audit leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PARENT_POLL_S = 0.5


@dataclass(frozen=True, slots=True)
class Crashed:
    """A task whose worker died twice while running it (``exitcode`` of the last death)."""

    exitcode: int | None

    def describe(self) -> str:
        """How the worker died, in words."""
        code = self.exitcode
        if code is not None and code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exited with status {code}"


def _watch_parent(parent: int) -> None:
    """End this worker as soon as the process that started it is gone."""
    while True:
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(_PARENT_POLL_S)


def _serve(conn: Connection, run: Callable[[T], R], parent: int,
           setup: Callable[[], None] | None) -> None:
    """A worker's loop: receive a chunk, answer one result per task, stop on ``None``."""
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    if setup is not None:
        setup()
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for task in chunk:
            conn.send(run(task))


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    chunk: list[int] = field(default_factory=list)  # task indexes sent, not yet answered


class Pool(Generic[T, R]):
    """Run ``run`` over tasks in ``jobs`` worker processes, crash-isolated per task.

    ``run`` must not raise (turn errors into results); ``setup`` runs once in each worker.
    """

    def __init__(self, run: Callable[[T], R], jobs: int, *, chunk_size: int = 8,
                 setup: Callable[[], None] | None = None) -> None:
        self._run, self._jobs, self._chunk_size, self._setup = run, max(1, jobs), chunk_size, setup
        self._context = multiprocessing.get_context()

    def results(self, tasks: Sequence[T], started: Callable[[], None] | None = None,
                ) -> Iterator[tuple[int, R | Crashed]]:
        """``(task index, result)`` as tasks finish; a task that crashed twice gives ``Crashed``.

        ``started`` runs once the workers have their first tasks: the caller's own work done
        there overlaps theirs.
        """
        queue: deque[int] = deque(range(len(tasks)))
        suspects: deque[int] = deque()
        crashes: dict[int, int] = {}
        workers: list[_Worker] = []
        try:
            while queue or suspects or any(w.chunk for w in workers):
                self._staff(workers, tasks, queue, suspects)
                if started is not None:
                    started()
                    started = None
                yield from self._collect(workers, queue, suspects, crashes)
        finally:
            for worker in workers:
                _stop(worker)

    def _staff(self, workers: list[_Worker], tasks: Sequence[T], queue: deque[int],
               suspects: deque[int]) -> None:
        """Give every idle worker work, starting workers up to ``jobs``."""
        for dead in [w for w in workers if not w.chunk and not w.process.is_alive()]:
            workers.remove(dead)  # died between tasks (killed from outside): nothing was lost
            dead.conn.close()
        idle = [w for w in workers if not w.chunk]
        while len(workers) < self._jobs and len(idle) < len(queue) + len(suspects):
            worker = self._start()
            workers.append(worker)
            idle.append(worker)
        for worker in idle:
            if suspects:
                worker.chunk = [suspects.popleft()]  # alone: it already killed a worker
            elif queue:
                size = max(1, min(self._chunk_size, len(queue) // (2 * self._jobs)))
                worker.chunk = [queue.popleft() for _ in range(size)]
            else:
                continue
            worker.conn.send([tasks[i] for i in worker.chunk])

    def _collect(self, workers: list[_Worker], queue: deque[int], suspects: deque[int],
                 crashes: dict[int, int]
                 ) -> Iterator[tuple[int, R | Crashed]]:
        """Wait for answers or deaths; yield what finished and requeue what a death cut off."""
        busy = [w for w in workers if w.chunk]
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
        for worker in busy:
            while worker.chunk and worker.conn in ready and _poll(worker.conn):
                try:
                    result = worker.conn.recv()
                except (EOFError, OSError):
                    break
                yield worker.chunk.pop(0), result
            if worker.chunk and not worker.process.is_alive():
                yield from self._bury(worker, workers, queue, suspects, crashes)

    def _bury(self, worker: _Worker, workers: list[_Worker], queue: deque[int],
              suspects: deque[int], crashes: dict[int, int]
              ) -> Iterator[tuple[int, R | Crashed]]:
        """A worker died mid-chunk: its current task is suspect, the rest go back to the queue."""
        worker.process.join()
        workers.remove(worker)
        worker.conn.close()
        culprit, rest = worker.chunk[0], worker.chunk[1:]
        queue.extendleft(reversed(rest))
        crashes[culprit] = crashes.get(culprit, 0) + 1
        if crashes[culprit] >= 2:
            yield culprit, Crashed(worker.process.exitcode)
        else:
            suspects.append(culprit)

    def _start(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(target=_serve, daemon=True,
                                        args=(child_end, self._run, os.getpid(), self._setup))
        process.start()
        child_end.close()
        return _Worker(process, parent_end)


def _poll(conn: Connection) -> bool:
    try:
        return conn.poll()
    except (EOFError, OSError):
        return False


def _stop(worker: _Worker) -> None:
    """Ask an idle worker to finish, stop a busy one (the caller stopped listening)."""
    if not worker.chunk:
        with contextlib.suppress(OSError):
            worker.conn.send(None)
        worker.process.join(timeout=2)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.conn.close()
