"""``perfaudit profile``: rank an audit's findings by how hot their code is in a profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from perfaudit.cli import _verified, _verify_io
from perfaudit.errors import UsageError
from perfaudit.model import ConsolidatedFinding, Report
from perfaudit.verify.merge import carry_benchmarks
from perfaudit.verify.readers import load_profile
from perfaudit.verify.rerank import HOT_SHARE, percent, rerank


def _table(report: Report, before: dict[int, ConsolidatedFinding]) -> str:
    rows = [["Flat", "Cum", "Function", "Findings"]]
    rows += [[percent(h.flat), percent(h.cumulative), h.name,
              ", ".join(f"#{n}" for n in h.findings)] for h in report.hot_functions]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [f"Hottest functions in {report.profile_source}:"]
    lines += ["  " + "  ".join(c.rjust(w) if i < 2 else c.ljust(w) for i, (c, w)
                               in enumerate(zip(row, [*widths, 0], strict=True))).rstrip()
              for row in rows]
    lines += ["", "Findings:"]
    for f in report.findings:
        old = before[f.number].severity
        change = f.severity.value if old is f.severity else f"{old.value}→{f.severity.value}"
        note = next((e.summary for e in reversed(f.evidence) if e.kind == "profile"), "")
        lines.append(f"  #{f.number:<3} {change:<6} {f.title} — {note or 'no function to match'}")
    return "\n".join(lines) + "\n"


def _json(report: Report, before: dict[int, ConsolidatedFinding]) -> dict[str, Any]:
    functions = [{"name": h.name, "file": h.path, "flat": h.flat, "cumulative": h.cumulative,
                  "findings": list(h.findings)} for h in report.hot_functions]
    findings = [{"number": f.number, "title": f.title, "function": f.location.function,
                 "path": f.location.path, "severity": f.severity.value,
                 "previous_severity": before[f.number].severity.value, "hotness": f.hotness,
                 "evidence": [{"kind": e.kind, "summary": e.summary, "detail": e.detail}
                              for e in f.evidence]} for f in report.findings]
    return {"profile": report.profile_source, "functions": functions, "findings": findings}


@click.command()
@click.argument("profile_file", metavar="PROFILE", type=click.Path(path_type=Path))
@click.argument("path", default=".", type=click.Path(path_type=Path))
@click.option("--audit", "audit_id", help="Audit id under PATH/.perfaudit/audits [default: newest].")
@click.option("--findings", type=click.Path(path_type=Path), help="findings.json to re-rank.")
@click.option("--sample-type", help="pprof sample type: cpu, samples, alloc_space, inuse_space, … "
              "[default: the profile's last].")
@click.option("--hot-share", type=click.FloatRange(0, 1), default=HOT_SHARE, show_default=True,
              help="Cumulative share at which a finding's function is hot and escalated.")
@click.option("--top", type=click.IntRange(1), default=15, show_default=True,
              help="Hottest functions to list.")
@click.option("-o", "--output", help="Directory for the re-ranked report "
              "[default: verified/ beside the findings].")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
def profile(profile_file: Path, path: Path, **opts: Any) -> None:
    """Re-rank an audit's findings by a profile (Go pprof, cProfile/pstats, folded stacks)."""
    source = _verify_io.findings_path(path, opts["audit_id"], opts["findings"])
    report = _verify_io.load_report(source)
    if report.profile_source:
        raise UsageError(f"{source} was already re-ranked by a profile "
                         f"({report.profile_source}); pass the audit's own findings.json")
    out_dir = _verified.destination(source, opts["output"])
    earlier = _verified.earlier_report(out_dir, report)
    loaded = load_profile(profile_file, opts["sample_type"])
    ranked = rerank(report, loaded, hot_share=opts["hot_share"], top=opts["top"])
    if earlier is not None:  # benchmark results written there before are kept
        ranked = carry_benchmarks(ranked, earlier)
    written = _verified.write_verified(ranked, out_dir)
    fmt = opts["fmt"]
    before = {f.number: f for f in report.findings}
    _verify_io.emit(_json(ranked, before) if fmt == "json" else _table(ranked, before), written)


COMMANDS = (profile,)
