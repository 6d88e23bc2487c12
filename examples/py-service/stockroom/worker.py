"""Background worker: drains sync jobs and re-prices the catalogue in a thread pool."""

from __future__ import annotations

import logging
import queue
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

LOG = logging.getLogger(__name__)


class JobQueue:
    """A simple in-process FIFO of pending sync jobs."""

    def __init__(self) -> None:
        self._pending: list[str] = []
        self._lock = threading.Lock()

    def push(self, job: str) -> None:
        with self._lock:
            self._pending.append(job)

    def drain(self, handle: Callable[[str], None]) -> int:
        done = 0
        while self._pending:
            with self._lock:
                job = self._pending.pop(0)
            handle(job)
            done += 1
        return done


class RecentJobs:
    """The last few finished jobs, for the status page."""

    def __init__(self, size: int = 100) -> None:
        self._items: deque[str] = deque(maxlen=size)

    def add(self, job: str) -> None:
        self._items.append(job)

    def latest(self) -> list[str]:
        return list(reversed(self._items))


def reprice_batches(batches: list[list[str]], price: Callable[[str], float]) -> list[float]:
    results: list[float] = []
    for batch in batches:
        with ThreadPoolExecutor(max_workers=4) as pool:
            results.extend(pool.map(price, batch))
    return results


def run_forever(jobs: queue.Queue[list[str]], backlog: JobQueue, price: Callable[[str], float],
                stop: threading.Event) -> None:
    """Re-price each batch of SKUs put on ``jobs``, then the follow-up jobs it queued."""
    while not stop.is_set():
        try:
            skus = jobs.get(timeout=1)
        except queue.Empty:
            continue
        try:
            reprice_batches([skus], price)
            backlog.drain(LOG.info)
        except Exception:
            LOG.exception("job %s failed", skus)
        finally:
            jobs.task_done()
