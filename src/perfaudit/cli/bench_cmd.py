"""``perfaudit bench`` and ``perfaudit compare``: benchmark two revisions or two saved runs."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from perfaudit.cli import _console, _verified, _verify_io
from perfaudit.errors import UsageError
from perfaudit.model import Language
from perfaudit.verify.attach import attach_benchmarks
from perfaudit.verify.bench import run_bench
from perfaudit.verify.compare import Comparison, compare
from perfaudit.verify.parse import Samples, parse_any
from perfaudit.verify.plan import BASE, HEAD, BenchOptions, detect_language
from perfaudit.verify.table import render_text, to_json
from perfaudit.verify.worktree import repository_root, resolve_revision

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def _stats_options(command: Callable[..., Any]) -> Callable[..., Any]:
    options: list[Decorator] = [
        click.option("--alpha", type=click.FloatRange(0, 1, min_open=True, max_open=True),
                     default=0.05, show_default=True, help="Significance level."),
        click.option("--holm/--no-holm", default=True, show_default=True,
                     help="Holm–Bonferroni correction across benchmarks (per unit)."),
        click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                     show_default=True, help="Output format."),
        click.option("--findings", "findings", type=click.Path(path_type=Path),
                     help="findings.json to attach the results to (writes a verified report)."),
        click.option("-o", "--output", help="Directory for the verified report "
                     "[default: verified/ beside the findings]."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _finish(comparison: Comparison, labels: tuple[str, str], extra: dict[str, Any], *,
            fmt: str, findings: Path | None, output: str | None) -> None:
    written: list[Path] = []
    if findings is not None:
        source = _verify_io.load_report(findings)
        out_dir = _verified.destination(findings, output)
        # a profile's re-ranking, or other benchmarks, written there before are kept
        base = _verified.earlier_report(out_dir, source) or source
        report = attach_benchmarks(base, comparison, *labels)
        written = _verified.write_verified(report, out_dir)
    if fmt == "json":
        _verify_io.emit({**to_json(comparison, *labels), **extra}, written)
    else:
        _verify_io.emit(render_text(comparison, *labels), written)


def _read(path: Path) -> Samples:
    try:
        data = path.read_bytes()
        text = (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    return parse_any(text, str(path))


@click.command(name="compare")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@_stats_options
def compare_cmd(old: Path, new: Path, alpha: float, holm: bool, **out: Any) -> None:
    """Compare two saved benchmark outputs (Go text, pytest-benchmark or pyperf JSON)."""
    comparison = compare(_read(old), _read(new), alpha=alpha, use_holm=holm)
    _finish(comparison, (old.name, new.name), {"old_file": str(old), "new_file": str(new)},
            **out)


def _language(root: Path, chosen: str | None) -> Language:
    if chosen:
        return Language(chosen)
    found = detect_language([p.name for p in root.iterdir()])
    if found is None:
        raise UsageError(f"cannot tell the language of {root} (no go.mod or Python project "
                         "files); pass --language")
    return found


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return ""


@click.command()
@click.argument("packages", nargs=-1)
@click.option("--base", required=True, help="Revision measured as the baseline.")
@click.option("--head", required=True, help="Revision compared with it.")
@click.option("-C", "--repo", default=".", help="Repository [default: current directory].")
@click.option("--count", type=click.IntRange(1, 1000), default=6, show_default=True,
              help="Rounds per revision (interleaved A B A B …).")
@click.option("--bench", "bench_re", default=".", show_default=True,
              help="Go: -bench pattern.")
@click.option("--benchtime", help="Go: -benchtime per benchmark (e.g. 200ms, 100x).")
@click.option("--cpu", help="Go: -cpu list (GOMAXPROCS values, e.g. 1,4).")
@click.option("--timeout", type=click.FloatRange(min=1), default=600, show_default=True,
              help="Seconds one round may take.")
@click.option("--language", type=click.Choice([lang.value for lang in Language]),
              help="Language of the repository [default: detected].")
@click.option("--runner", type=click.Choice(["pytest", "pyperf"]), default="pytest",
              show_default=True, help="Python: pytest-benchmark, or a pyperf script.")
@click.option("--python", "python_exe", default="python3", show_default=True,
              help="Python: interpreter that runs the benchmarks.")
@_stats_options
def bench(packages: tuple[str, ...], base: str, head: str, repo: str, **opts: Any) -> None:
    """Run the repository's benchmarks at --base and --head and compare them."""
    where = Path(repo).resolve()
    if not where.is_dir():
        raise UsageError(f"no such directory: {repo}")
    root = repository_root(where)
    commits = {BASE: resolve_revision(root, base), HEAD: resolve_revision(root, head)}
    options = BenchOptions(language=_language(where, opts.pop("language")), packages=packages,
                           subdir=_relative(where, root),
                           bench=opts.pop("bench_re"), benchtime=opts.pop("benchtime"),
                           cpu=opts.pop("cpu"),
                           count=opts.pop("count"), timeout_s=opts.pop("timeout"),
                           python=opts.pop("python_exe"), runner=opts.pop("runner"))
    with _console.round_progress(_console.interactive()) as on_round:
        samples = run_bench(root, commits, options, on_round=on_round)
    comparison = compare(samples[BASE], samples[HEAD], alpha=opts.pop("alpha"),
                         use_holm=opts.pop("holm"))
    _finish(comparison, (base, head), {"commits": commits, "rounds": options.count,
                                       "language": options.language.value}, **opts)


COMMANDS = (bench, compare_cmd)
