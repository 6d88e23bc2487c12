"""Fleet tasks on Ray: a session (local or a cluster), and jobs run a bounded number at once."""

from __future__ import annotations

import logging
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from perfaudit.errors import UsageError
from perfaudit.fleet.records import Failed, Job, Outcome

if TYPE_CHECKING:
    from ray import ObjectRef

Work = Callable[[Job], Outcome]
_LOOPBACK_ONLY = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"
"""Off, Ray gives a local node the loopback address, as it does on macOS and Windows."""

TASK_RETRIES = 1
"""A task whose worker dies (a node lost, memory exhausted) runs once more before its
repository is reported as failed."""


@contextmanager
def ray_session(address: str | None) -> Iterator[None]:
    """Ray, ready for tasks: the cluster at ``address``, else a local Ray started now (and
    stopped after); a Ray this process already started is used as it is.

    A local Ray is kept on the loopback address: Ray's services have no authentication, and
    on Linux it would otherwise listen on the machine's public address. Ray reads this
    setting when it is first imported.
    """
    if address is None and "ray" not in sys.modules:
        os.environ.setdefault(_LOOPBACK_ONLY, "0")
    import ray

    if ray.is_initialized():
        yield
        return
    try:
        ray.init(address=address, include_dashboard=False if address is None else None,
                 logging_level=logging.ERROR, log_to_driver=False)
    except (ConnectionError, ValueError, RuntimeError) as exc:
        where = f" at {address}" if address else ""
        raise UsageError(f"cannot start or reach Ray{where}: {_first_line(exc)}") from exc
    try:
        yield
    finally:
        ray.shutdown()


def run_jobs(jobs: Sequence[Job], work: Work, limit: int | None = None) -> Iterator[Outcome]:
    """Run ``work`` on each job as a Ray task, at most ``limit`` at once (None: as many as Ray
    schedules), and give each outcome as its task ends; a task that died gives ``Failed``."""
    import ray

    remote = ray.remote(num_cpus=1, max_retries=TASK_RETRIES)(work)
    waiting = deque(jobs)
    running: dict[ObjectRef[Outcome], Job] = {}
    while waiting or running:
        while waiting and (limit is None or len(running) < limit):
            job = waiting.popleft()
            running[remote.remote(job)] = job
        done, _ = ray.wait(list(running), num_returns=1)
        for ref in done:
            yield _outcome(ref, running.pop(ref))


def _outcome(ref: ObjectRef[Outcome], job: Job) -> Outcome:
    import ray

    try:
        outcome: Outcome = ray.get(ref)
    except ray.exceptions.RayError as exc:
        return Failed(target=job.target.name,
                      reason=f"the Ray task died ({type(exc).__name__}): {_first_line(exc)}")
    return outcome


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
