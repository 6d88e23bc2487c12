"""Plan benchmark runs and map benchmarks to findings (pure): commands, round order, names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from perfaudit.model import ConsolidatedFinding, Language

BASE, HEAD = "base", "head"


@dataclass(frozen=True, slots=True, kw_only=True)
class BenchOptions:
    """How to run one round of a repository's benchmarks."""

    language: Language
    packages: tuple[str, ...] = ()
    bench: str = "."
    benchtime: str | None = None
    cpu: str | None = None
    count: int = 5
    timeout_s: float = 600.0
    python: str = "python3"
    runner: str = "pytest"
    subdir: str = ""
    """Where to run, relative to the repository root (a module inside a larger repository)."""


def schedule(count: int) -> list[str]:
    """Rounds interleaved A B A B … so that machine drift hits both revisions alike."""
    return [side for _ in range(count) for side in (BASE, HEAD)]


def go_command(options: BenchOptions) -> list[str]:
    """One round of Go benchmarks: every benchmark once, no tests, with allocation counts."""
    command = ["go", "test", "-run", "^$", "-bench", options.bench, "-benchmem", "-count", "1"]
    if options.benchtime:
        command += ["-benchtime", options.benchtime]
    if options.cpu:
        command += ["-cpu", options.cpu]
    # go test's own limit, a little past ours, so that a hung benchmark dumps its stacks.
    command += ["-timeout", f"{int(options.timeout_s) + 30}s"]
    return [*command, *(options.packages or ("./...",))]


def python_command(options: BenchOptions, json_path: str) -> list[str]:
    """One round of Python benchmarks: pytest-benchmark, or a pyperf script per package."""
    if options.runner == "pyperf":
        script = options.packages[0] if options.packages else "bench.py"
        return [options.python, script, "--fast", "--quiet", "--output", json_path]
    return [options.python, "-m", "pytest", *options.packages, "--benchmark-only",
            f"--benchmark-json={json_path}", "-q", "-p", "no:cacheprovider"]


def detect_language(root_names: Sequence[str]) -> Language | None:
    """Go when the root has go.mod, Python when it has Python project files."""
    names = set(root_names)
    if "go.mod" in names:
        return Language.GO
    if names & {"pyproject.toml", "setup.py", "setup.cfg", "pytest.ini", "tox.ini"}:
        return Language.PYTHON
    return None


def bench_key(name: str) -> str:
    """A benchmark's bare subject: ``Dedupe`` from ``Dedupe/small-8`` or ``test_dedupe[10]``."""
    base = re.sub(r"-\d+$", "", name.rsplit(".", 1)[-1]).split("/", 1)[0]
    base = re.sub(r"\[.*\]$", "", base).removeprefix("test_").removeprefix("bench_")
    return base.replace("_", "").lower()


def function_key(function: str) -> str:
    """A finding's function reduced the same way: ``(*Set).Dedupe`` → ``dedupe``."""
    last = function.rsplit(".", 1)[-1]
    return last.replace("_", "").lower()


def match_benchmarks(findings: Sequence[ConsolidatedFinding],
                     benchmarks: Sequence[str]) -> dict[int, list[str]]:
    """Finding number → benchmarks named after the finding's function."""
    keys = {name: bench_key(name) for name in benchmarks}
    matched: dict[int, list[str]] = {}
    for finding in findings:
        if not finding.location.function:
            continue
        key = function_key(finding.location.function)
        names = [name for name, k in keys.items() if k and k == key]
        if names:
            matched[finding.number] = names
    return matched


def first_error(output: str) -> str:
    """The most telling line of a failed build or run (compiler error, FAIL, panic, Error)."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    patterns = (r"^\S+\.go:\d+:\d+: ", r"^panic: ", r"^--- FAIL", r"^E\s+\S", r"Error\b",
                r"^FAIL\b", r"error")
    for pattern in patterns:
        for line in lines:
            if re.search(pattern, line):
                return line
    return lines[-1] if lines else "no output"
