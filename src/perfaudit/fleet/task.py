"""What one fleet task does: check the repository out, leave it alone when nothing changed
since its last fleet audit, else audit it. Runs on any node of the Ray cluster; never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

from perfaudit import __version__, gitinfo
from perfaudit.fleet import checkout
from perfaudit.fleet.records import Failed, Job, Kind, Outcome, Unchanged


def audit_job(job: Job) -> Outcome:
    """The outcome of ``job``: audited, unchanged, or failed with the reason."""
    if job.tool_version != __version__:
        return Failed(target=job.target.name, reason=f"this Ray node runs perfaudit {__version__}, "
                                                     f"the driver {job.tool_version}")
    try:
        if job.target.kind is Kind.URL:
            return _remote(job)
        return _local(job)
    except Exception as exc:  # one repository's failure is its own, never the fleet's
        return Failed(target=job.target.name, reason=f"audit failed: {type(exc).__name__}: {exc}")


def _local(job: Job) -> Outcome:
    root = Path(job.target.name)
    if not root.exists():
        return Failed(target=job.target.name, reason="no such directory")
    if not root.is_dir():
        return Failed(target=job.target.name, reason="not a directory")
    return _tree(job, root, cache=True)


def _remote(job: Job) -> Outcome:
    url = job.target.name
    # asking the remote for its HEAD is cheaper than a clone when nothing changed
    if job.previous is not None and job.stamp(checkout.remote_head(url)).matches(job.previous):
        return Unchanged(target=url)
    with tempfile.TemporaryDirectory(prefix="perfaudit-fleet-") as work:
        cloned = checkout.clone(url, Path(work) / "repo")
        if isinstance(cloned, str):
            return Failed(target=url, reason=f"git clone failed: {cloned}")
        # the result cache would go with the clone; there is nothing to reuse
        return _tree(job, cloned, cache=False)


def _tree(job: Job, root: Path, *, cache: bool) -> Outcome:
    """``job``'s repository checked out at ``root``: unchanged, or audited."""
    # a local work tree with edits is audited as it is, whatever its HEAD says
    if job.stamp(gitinfo.head_commit(root)).matches(job.previous) and not (
            job.target.kind is Kind.PATH and gitinfo.has_local_changes(root)):
        return Unchanged(target=job.target.name)
    from perfaudit.fleet.audit import audit_tree  # the pipeline only when there is work

    return audit_tree(root, job, cache=cache)
