"""Run a repository's benchmarks at two revisions, interleaved, and collect their samples."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from perfaudit.errors import UsageError
from perfaudit.model import Language
from perfaudit.verify import go, python
from perfaudit.verify.parse import Samples, merge, parse_any, parse_go
from perfaudit.verify.plan import BenchOptions, schedule
from perfaudit.verify.worktree import checkouts

RoundHook = Callable[[int, int, str], None]


def _round(side: str, checkout: Path, index: int, options: BenchOptions,
           env: Mapping[str, str] | None) -> Samples:
    workdir = checkout / options.subdir
    if options.language is Language.GO:
        result = go.run_round(workdir, options, env)
    else:
        result = python.run_round(workdir, options, checkout.parent / f"{side}-{index}.json", env)
    if result.error:
        raise UsageError(result.error)
    return parse_go(result.output) if options.language is Language.GO \
        else parse_any(result.output, side)


def run_bench(repo: Path, commits: Mapping[str, str], options: BenchOptions,
              env: Mapping[str, str] | None = None,
              on_round: RoundHook | None = None) -> dict[str, Samples]:
    """Samples per side (``base``/``head``) from ``options.count`` interleaved rounds each."""
    order = schedule(options.count)
    rounds: dict[str, list[Samples]] = {side: [] for side in commits}
    with checkouts(repo, commits) as paths:
        for step, side in enumerate(order):
            if on_round:
                on_round(step + 1, len(order), side)
            try:
                rounds[side].append(_round(side, paths[side], step, options, env))
            except UsageError as exc:
                raise UsageError(f"{side} ({commits[side][:12]}): {exc}") from exc
    result = {side: merge(parts) for side, parts in rounds.items()}
    for side, samples in result.items():
        if not samples:
            raise UsageError(f"{side} ({commits[side][:12]}): no benchmarks found")
    return result
