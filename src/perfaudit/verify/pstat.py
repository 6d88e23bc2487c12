"""Read Python cProfile / pstats files with the standard library."""

from __future__ import annotations

import pstats
from pathlib import Path

from perfaudit.errors import UsageError
from perfaudit.verify.profile import FunctionCost, Profile


def read_pstats(path: Path) -> Profile:
    """Per-function own time (flat) and time with callees (cumulative) from a pstats dump."""
    try:
        stats = pstats.Stats(str(path))
    except (OSError, EOFError, ValueError, TypeError, KeyError) as exc:
        raise UsageError(f"{path}: not a cProfile/pstats file") from exc
    table = stats.stats  # type: ignore[attr-defined]
    functions = tuple(FunctionCost(name=name, file=file, line=line, flat=tt, cumulative=ct)
                      for (file, line, name), (_cc, _nc, tt, ct, _callers) in table.items())
    return Profile(source=str(path), sample_type="time", unit="seconds",
                   total=float(stats.total_tt),  # type: ignore[attr-defined]
                   functions=functions)
