"""Audit throughput as users feel it: cold, warm, a few changed files, one file; against floors.

Usage:
    python benchmarks/throughput.py PATH [--rounds 3] [--jobs 2] [--include-tests]
    python benchmarks/throughput.py --synthetic 200

Per repository, in interleaved rounds (the median is printed, with lines/s and peak RSS of the
largest process):

- **cold audit**: ``perfaudit audit PATH`` with an empty result cache;
- **warm re-audit**: the same again, nothing changed;
- **20 changed files**: 20 files edited (a comment appended), warm cache for the rest;
- **one-file audit**: ``perfaudit audit FILE`` on one of them, warm cache;
- **parse floor**: tree-sitter parses every audited file and matches nothing, timed inside
  the process (no start-up), and the same as a whole process (with start-up);
- **ast-grep**: ast-grep's CLI (``pip install ast-grep-cli``) scanning PATH with the
  catalogue's rules as pattern-only rules (no ``check.py`` predicates, no heat).

Every command is a fresh process timed from its start. The edited files are restored
byte for byte. The audit's result cache lives in a temporary directory, never in PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

_RUN = textwrap.dedent("""
    import json, resource, subprocess, sys, time
    started = time.perf_counter()
    done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(done.stderr.decode()[-2000:])
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rss_mb": rss}))
""")
_FLOOR = textwrap.dedent("""
    import json, sys, time
    from concurrent.futures import ProcessPoolExecutor
    sys.path.insert(0, sys.argv[1])
    from throughput import parse_only
    tasks = json.loads(open(sys.argv[2]).read())
    started = time.perf_counter()
    with ProcessPoolExecutor(int(sys.argv[3])) as pool:
        list(pool.map(parse_only, [tuple(t) for t in tasks], chunksize=8))
    print(json.dumps({"inside_s": time.perf_counter() - started}))
""")
CHANGED = 20


def parse_only(task: tuple[str, str]) -> int:
    """Parse one file with tree-sitter and return its node count at the root (nothing matched)."""
    import tree_sitter
    import tree_sitter_go
    import tree_sitter_python

    path, language = task
    grammar = tree_sitter_go.language() if language == "go" else tree_sitter_python.language()
    parser = tree_sitter.Parser(tree_sitter.Language(grammar))
    with open(path, "rb") as handle:
        tree = parser.parse(handle.read())
    return tree.root_node.child_count


# as on a user's machine, modules compile once and load from their cached bytecode after
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> dict[str, float]:
    """Run ``command`` in a fresh process: wall seconds from its start, and its peak RSS."""
    done = subprocess.run([sys.executable, "-c", _RUN, *command], capture_output=True,
                          text=True, check=False, env=_ENV)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@dataclass
class Bench:
    """One repository's measurements: a command line per scenario, and the samples taken."""

    root: Path
    scratch: Path
    jobs: int
    include_tests: bool
    files: list[tuple[str, str]]  # (path relative to root, language) of the audited files
    lines: int
    samples: dict[str, list[dict[str, float]]]

    def audit(self, *targets: str) -> list[str]:
        """The audit command line for ``targets``, its cache and reports in the scratch dir."""
        config = self.scratch / "perfaudit.toml"
        return [sys.executable, "-m", "perfaudit", "audit", *targets, "--config", str(config),
                "-j", str(self.jobs), "--no-history", "-f", "json", "-o",
                str(self.scratch / "out"), *(["--include-tests"] if self.include_tests else [])]

    def add(self, name: str, sample: dict[str, float]) -> None:
        """Keep one sample of scenario ``name``."""
        self.samples.setdefault(name, []).append(sample)


def discover(root: Path, include_tests: bool) -> tuple[list[tuple[str, str]], int]:
    """The files an audit of ``root`` reviews, with their languages, and their line count."""
    from perfaudit.discover import discover_files

    found = discover_files(root, include_tests=include_tests).files
    return [(f.path, f.language.value) for f in found], sum(f.lines for f in found)


def ast_grep() -> str | None:
    """ast-grep's CLI: beside this interpreter (a venv) or on PATH."""
    beside = Path(sys.executable).parent / "ast-grep"
    return str(beside) if beside.exists() else shutil.which("ast-grep")


def ast_grep_rules(directory: Path) -> Path | None:
    """The catalogue's rules as ast-grep rules (pattern only) under ``directory``; its config."""
    if ast_grep() is None:
        return None
    from perfaudit.rules.catalogue import load_catalogue

    rules = directory / "rules"
    rules.mkdir(parents=True, exist_ok=True)
    for rule in load_catalogue():
        doc = {"id": rule.id, "language": rule.language.value, "severity": "hint",
               "message": rule.id, **dict(rule.matcher)}
        (rules / f"{rule.id}.yml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    config = directory / "sgconfig.yml"
    config.write_text("ruleDirs:\n  - rules\n", encoding="utf-8")
    return config


def round_of(bench: Bench, edited: list[str], sg_config: Path | None) -> None:
    """One round of every scenario, in a fixed order."""
    cache = bench.scratch / "cache.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{cache}{suffix}").unlink(missing_ok=True)
    bench.add("cold audit", timed(bench.audit(str(bench.root))))
    bench.add("warm re-audit", timed(bench.audit(str(bench.root))))
    originals = {path: (bench.root / path).read_bytes() for path in edited}
    try:
        for path in edited:
            mark = b"\n# perfaudit benchmark edit\n" if path.endswith(".py") else \
                b"\n// perfaudit benchmark edit\n"
            (bench.root / path).write_bytes(originals[path] + mark)
        bench.add(f"{CHANGED} changed files", timed(bench.audit(str(bench.root))))
    finally:
        for path, data in originals.items():
            (bench.root / path).write_bytes(data)
    bench.add("one-file audit", timed(bench.audit(str(bench.root / edited[0]))))
    tasks = bench.scratch / "tasks.json"
    tasks.write_text(json.dumps([(str(bench.root / p), lang) for p, lang in bench.files]))
    floor = [sys.executable, "-c", _FLOOR, str(Path(__file__).parent), str(tasks), str(bench.jobs)]
    whole = timed(floor)
    inside = json.loads(subprocess.run(floor, capture_output=True, text=True, check=True,
                                       env=_ENV).stdout)
    bench.add("parse floor, no start-up", {"seconds": inside["inside_s"], "rss_mb": 0.0})
    bench.add("parse floor, with start-up", whole)
    if sg_config is not None:
        bench.add("ast-grep CLI (pattern-only rules)", timed([
            ast_grep() or "ast-grep", "scan", "--config", str(sg_config), "--json=compact",
            "--threads", str(bench.jobs), str(bench.root)]))


def table(bench: Bench) -> str:
    """The medians as a Markdown table."""
    rows = ["| scenario | seconds (median) | lines/s | peak RSS MB |", "|---|---|---|---|"]
    for name, samples in bench.samples.items():
        seconds = statistics.median(s["seconds"] for s in samples)
        rss = max(s["rss_mb"] for s in samples)
        rate = f"{bench.lines / seconds:,.0f}" if "one-file" not in name and "changed" not in name \
            else ""
        rows.append(f"| {name} | {seconds:.2f} | {rate} | {rss:.0f} |" if rss else
                    f"| {name} | {seconds:.2f} | {rate} | |")
    cold = statistics.median(s["seconds"] for s in bench.samples["cold audit"])
    warm = statistics.median(s["seconds"] for s in bench.samples["warm re-audit"])
    note = f"\nwarm ÷ cold: {warm / cold:.0%}"
    if "ast-grep CLI (pattern-only rules)" in bench.samples:
        sg = statistics.median(s["seconds"] for s in bench.samples["ast-grep CLI (pattern-only rules)"])
        note += f"; cold ÷ ast-grep: {cold / sg:.2f}"
    return "\n".join(rows) + note


def synthetic_repo(directory: Path, files: int) -> Path:
    """Write ``files`` realistic Go files (clean code with a few slow patterns) under directory."""
    body = (Path(__file__).parent.parent / "examples" / "go-service" / "store.go").read_text()
    (directory / "go.mod").write_text("module example.com/synthetic\n\ngo 1.22\n")
    for index in range(files):
        package = directory / f"pkg{index // 20}"
        package.mkdir(exist_ok=True)
        text = body.replace("package main", f"package pkg{index // 20}")
        (package / f"file{index}.go").write_text(text.replace("Store", f"Store{index}"))
    subprocess.run(["git", "init", "-q", str(directory)], check=False)
    return directory


def measure(root: Path, rounds: int, jobs: int, include_tests: bool,
            progress: Callable[[str], None]) -> str:
    """All scenarios on ``root``, ``rounds`` times interleaved; the table of medians."""
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        (scratch / "perfaudit.toml").write_text(
            f'[tool.perfaudit]\ncache_path = "{scratch / "cache.db"}"\n', encoding="utf-8")
        files, lines = discover(root, include_tests)
        bench = Bench(root, scratch, jobs, include_tests, files, lines, {})
        candidates = [p for p, _ in files if "test" not in p] or [p for p, _ in files]
        edited = random.Random(0).sample(candidates, min(CHANGED, len(candidates)))
        sg_config = ast_grep_rules(scratch / "sg")
        timed(bench.audit(str(bench.root), "--no-cache"))  # compiles perfaudit's modules once
        for number in range(1, rounds + 1):
            progress(f"round {number}/{rounds}")
            round_of(bench, edited, sg_config)
        head = f"{root.name}: {len(files)} files, {lines:,} lines, {jobs} jobs"
        missing = "" if sg_config else "\n(ast-grep not installed: pip install ast-grep-cli)"
        return f"{head}\n\n{table(bench)}{missing}"


def main() -> None:
    """Measure every scenario and print a Markdown table per repository."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?")
    parser.add_argument("--synthetic", type=int, help="generate N Go files instead of PATH")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--include-tests", action="store_true")
    args = parser.parse_args()
    if not args.path and not args.synthetic:
        parser.error("give PATH or --synthetic N")

    def progress(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    if args.synthetic:
        with tempfile.TemporaryDirectory() as scratch:
            root = synthetic_repo(Path(scratch), args.synthetic)
            print(measure(root, args.rounds, args.jobs, args.include_tests, progress))
        return
    root = Path(args.path).resolve()
    if not root.is_dir():
        parser.error(f"not a directory: {args.path}")
    print(measure(root, args.rounds, args.jobs, args.include_tests, progress))


if __name__ == "__main__":
    main()
