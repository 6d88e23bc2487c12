"""Parse saved benchmark output (Go text, pytest-benchmark JSON, pyperf JSON) into samples (pure).

Every parser returns ``Samples``: for each ``(benchmark, unit)`` the measured values in the
order they were read. Go's ``ns/op`` becomes ``sec/op`` as benchstat shows it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from perfaudit.errors import UsageError

Samples = dict[tuple[str, str], list[float]]

_GO_LINE = re.compile(r"^(Benchmark\S*)\s+(\d+)\s+(\S.*)$")
_PYPERF_UNITS = {"second": "sec/op", "byte": "B/op", "integer": "count"}


def _add(samples: Samples, name: str, unit: str, value: float) -> None:
    samples.setdefault((name, unit), []).append(value)


def _go_metrics(rest: str) -> list[tuple[str, float]]:
    fields = rest.split()
    metrics = []
    for value, unit in zip(fields[::2], fields[1::2], strict=False):
        try:
            number = float(value)
        except ValueError:
            break
        metrics.append(("sec/op", number * 1e-9) if unit == "ns/op" else (unit, number))
    return metrics


def parse_go(text: str) -> Samples:
    """``go test -bench`` output: ``BenchmarkX-8  100  12 ns/op  3 B/op  1 allocs/op  4 custom``.

    The ``-N`` GOMAXPROCS suffix stays in the name. When the output covers several packages
    (``pkg:`` lines), names are qualified with the package path.
    """
    rows: list[tuple[str, str, str, float]] = []
    pkg = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("pkg:"):
            pkg = line[4:].strip()
            continue
        match = _GO_LINE.match(line)
        if match:
            name = match.group(1).removeprefix("Benchmark") or "Benchmark"
            rows += [(pkg, name, unit, value) for unit, value in _go_metrics(match.group(3))]
    several = len({row[0] for row in rows}) > 1
    samples: Samples = {}
    for pkg_path, name, unit, value in rows:
        _add(samples, f"{pkg_path}.{name}" if several and pkg_path else name, unit, value)
    return samples


def parse_pytest_benchmark(doc: dict[str, Any]) -> Samples:
    """pytest-benchmark ``--benchmark-json``: raw ``stats.data`` when saved, else the median."""
    samples: Samples = {}
    entries = doc.get("benchmarks") or []
    names = [str(e.get("name") or e.get("fullname")) for e in entries]
    for entry, name in zip(entries, names, strict=True):
        key = str(entry.get("fullname") or name) if names.count(name) > 1 else name
        stats = entry.get("stats") or {}
        data = stats.get("data")
        values = data if isinstance(data, list) and data else [stats.get("median")]
        for value in values:
            if isinstance(value, int | float):
                _add(samples, key, "sec/op", float(value))
    return samples


def parse_pyperf(doc: dict[str, Any]) -> Samples:
    """pyperf JSON (a suite or a single benchmark): every run's values, warm-ups left out."""
    samples: Samples = {}
    top = doc.get("metadata") or {}
    for bench in doc.get("benchmarks") or []:
        meta = {**top, **(bench.get("metadata") or {})}
        name = str(meta.get("name") or "benchmark")
        unit = _PYPERF_UNITS.get(str(meta.get("unit", "second")), str(meta.get("unit")))
        for run in bench.get("runs") or []:
            for value in run.get("values") or []:
                _add(samples, name, unit, float(value))
    return samples


def parse_any(text: str, source: str = "input") -> Samples:
    """Detect the format of ``text`` and parse it; a one-line UsageError when nothing is found."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            doc = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{source}: invalid JSON ({exc.msg}, line {exc.lineno})") from exc
        benches = doc.get("benchmarks") if isinstance(doc, dict) else None
        if isinstance(benches, list) and any("runs" in b for b in benches if isinstance(b, dict)):
            samples = parse_pyperf(doc)
        elif isinstance(benches, list):
            samples = parse_pytest_benchmark(doc)
        else:
            samples = {}
    else:
        samples = parse_go(text)
    if not samples:
        raise UsageError(f"{source}: no benchmark results found (expected Go benchmark output, "
                         "pytest-benchmark JSON or pyperf JSON)")
    return samples


def merge(parts: list[Samples]) -> Samples:
    """Samples of several rounds joined, benchmark by benchmark, in round order."""
    merged: Samples = {}
    for part in parts:
        for key, values in part.items():
            merged.setdefault(key, []).extend(values)
    return merged
