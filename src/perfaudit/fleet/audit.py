"""One repository's audit inside a fleet task: the pipeline and tracking, nothing stored."""

from __future__ import annotations

import gc
import json
from dataclasses import replace
from pathlib import Path

from perfaudit import codec
from perfaudit.config import load_config
from perfaudit.errors import PerfauditError
from perfaudit.fleet.records import Audited, Failed, Job, Selection
from perfaudit.model import SourceFile
from perfaudit.pipeline import Hooks, run_audit
from perfaudit.store.history import file_digests
from perfaudit.track.service import finish_audit, settings_of


def _overrides(selection: Selection, cache: bool) -> dict[str, object]:
    return {
        "select": selection.select or None,
        "ignore": selection.ignore or None,
        # the rule pack is what a fleet audit's result may depend on, so the panel is the
        # rules alone; one worker each, as Ray runs as many audits as it has CPUs
        "reviewers": ("rules",),
        "jobs": 1,
        "cache": None if cache else False,
    }


def audit_tree(root: Path, job: Job, *, cache: bool) -> Audited | Failed:
    """Audit the work tree at ``root`` as ``job``'s repository, with the repository's own
    configuration and ``job``'s selection; ``cache``: whether the tree's result cache is used."""
    target = job.target
    try:
        config = load_config(root, None, _overrides(job.selection, cache))
    except PerfauditError as exc:
        return Failed(target=target.name, reason=str(exc))
    seen: list[SourceFile] = []
    hooks = Hooks(on_discovered=seen.extend)
    try:
        report = finish_audit(run_audit(root, config, hooks), root, hooks.clock().date(), None)
    finally:
        # an audit freezes what it builds while the collector is paused (a one-shot process
        # never collects it); a worker that audits repository after repository must
        gc.unfreeze()
    report = replace(report, audit=replace(report.audit, target=target.name))
    paths = {f.location.path for f in (*report.findings, *report.triaged)} | {f.path for f in seen}
    return Audited(target=target.name, stamp=job.stamp(report.audit.commit),
                   report=codec.encode(report),
                   settings=json.dumps(settings_of(config)),
                   digests=tuple(sorted(file_digests(root, sorted(paths)).items())))
