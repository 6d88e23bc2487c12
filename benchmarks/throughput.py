"""Audit throughput: files, lines, seconds, lines/s and peak RSS, against a parse-only floor.

Usage:
    python benchmarks/throughput.py PATH [--jobs 1,2] [--include-tests]
    python benchmarks/throughput.py --synthetic 200

Each measurement runs in a fresh interpreter so peak RSS (the process and its workers) is its
own. The floor parses every discovered file with tree-sitter and matches nothing; the ratio
audit ÷ floor is the number to watch on a noisy machine.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

_MEASURE = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    mode, root, jobs, include_tests = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
    from perfaudit.discover import discover_files
    files = discover_files(root, include_tests=include_tests).files
    started = time.perf_counter()
    if mode == "floor":
        from concurrent.futures import ProcessPoolExecutor
        sys.path.insert(0, {bench_dir!r})
        from throughput import parse_only
        tasks = [(str(root / f.path), f.language.value) for f in files]
        if jobs == 1:
            list(map(parse_only, tasks))
        else:
            with ProcessPoolExecutor(jobs) as pool:
                list(pool.map(parse_only, tasks, chunksize=8))
        findings = 0
    else:
        from perfaudit.config import Config
        from perfaudit.pipeline import run_audit
        report = run_audit(root, Config(jobs=jobs, include_tests=include_tests))
        findings = len(report.findings)
    seconds = time.perf_counter() - started
    rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
              resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({{"files": len(files), "lines": sum(f.lines for f in files),
                      "seconds": seconds, "rss_mb": rss / 1024, "findings": findings}}))
""")


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


def measure(mode: str, root: Path, jobs: int, include_tests: bool) -> dict[str, float]:
    """Run one measurement in a fresh interpreter and return its numbers."""
    code = _MEASURE.format(bench_dir=str(Path(__file__).parent))
    done = subprocess.run(
        [sys.executable, "-c", code, mode, str(root), str(jobs), "1" if include_tests else "0"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def synthetic_repo(directory: Path, files: int) -> Path:
    """Write ``files`` realistic Go files (clean code with a few slow patterns) under directory."""
    body = (Path(__file__).parent.parent / "examples" / "go-service" / "store.go").read_text()
    (directory / "go.mod").write_text("module example.com/synthetic\n\ngo 1.22\n")
    for index in range(files):
        package = directory / f"pkg{index // 20}"
        package.mkdir(exist_ok=True)
        text = body.replace("package main", f"package pkg{index // 20}")
        (package / f"file{index}.go").write_text(text.replace("Store", f"Store{index}"))
    return directory


def _row(name: str, jobs: int, m: dict[str, float]) -> str:
    rate = m["lines"] / m["seconds"] if m["seconds"] else 0.0
    return (f"| {name} | {jobs} | {int(m['files'])} | {int(m['lines'])} | {m['seconds']:.2f} "
            f"| {rate:,.0f} | {m['rss_mb']:.0f} |")


def main() -> None:
    """Measure the floor and the audit at each job count and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?")
    parser.add_argument("--synthetic", type=int, help="generate N Go files instead of PATH")
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts")
    parser.add_argument("--include-tests", action="store_true")
    args = parser.parse_args()
    if not args.path and not args.synthetic:
        parser.error("give PATH or --synthetic N")
    with tempfile.TemporaryDirectory() as scratch:
        root = synthetic_repo(Path(scratch), args.synthetic) if args.synthetic else Path(args.path)
        print("| mode | jobs | files | lines | seconds | lines/s | peak RSS MB |")
        print("|---|---|---|---|---|---|---|")
        ratios = []
        for jobs in (int(j) for j in args.jobs.split(",")):
            floor = measure("floor", root, jobs, args.include_tests)
            audit = measure("audit", root, jobs, args.include_tests)
            print(_row("parse-only floor", jobs, floor))
            print(_row(f"audit ({int(audit['findings'])} findings)", jobs, audit))
            ratios.append(f"jobs {jobs}: {audit['seconds'] / floor['seconds']:.2f}")
        print(f"\naudit ÷ floor — {', '.join(ratios)}")


if __name__ == "__main__":
    main()
