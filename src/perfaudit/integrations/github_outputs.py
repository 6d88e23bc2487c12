"""What the Action hands back to the workflow: step outputs and the job summary."""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from perfaudit.model import Report, Severity, Tier

SUMMARY_LIMIT = 1_000_000
"""Bytes of report kept in the job summary; GitHub refuses a step summary over 1 MiB."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Reports:
    """The files an audit wrote (None for one it did not write)."""

    markdown: Path | None = None
    json: Path | None = None
    sarif: Path | None = None


def _existing(path: Path) -> Path | None:
    return path if path.is_file() else None


def find_reports(out_dir: Path) -> Reports:
    """The reports present in ``out_dir`` after an audit."""
    return Reports(markdown=_existing(out_dir / "report.md"),
                   json=_existing(out_dir / "findings.json"),
                   sarif=_existing(out_dir / "findings.sarif"))


def outputs_for(report: Report | None, reports: Reports, *, exit_code: int,
                base: str | None) -> dict[str, str]:
    """The step outputs: counts of findings by severity, report paths, exit code, whether the
    audit was incomplete and the base it was compared with. Leads never fail a build, so they
    are counted apart."""
    shown = report.findings if report else ()
    findings = [f for f in shown if f.tier is Tier.FINDING]
    counts = Counter(f.severity for f in findings)
    outputs = {"findings": str(len(findings))}
    outputs.update({s.value.lower(): str(counts.get(s, 0)) for s in Severity})
    outputs["leads"] = str(sum(1 for f in shown if f.tier is Tier.LEAD))
    outputs["report"] = str(reports.markdown or "")
    outputs["findings-json"] = str(reports.json or "")
    outputs["sarif"] = str(reports.sarif or "")
    outputs["exit-code"] = str(exit_code)
    outputs["incomplete"] = "true" if report is None or not report.audit.complete else "false"
    outputs["base"] = base or ""
    return outputs


def output_lines(outputs: dict[str, str]) -> str:
    """``outputs`` in the ``GITHUB_OUTPUT`` file format; a value with a line break is written
    between delimiters that do not occur in it."""
    lines = []
    for name, value in outputs.items():
        if "\n" not in value and "\r" not in value:
            lines.append(f"{name}={value}\n")
            continue
        delimiter = f"PERFAUDIT_{secrets.token_hex(8)}"
        while delimiter in value:
            delimiter = f"PERFAUDIT_{secrets.token_hex(8)}"
        lines.append(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
    return "".join(lines)


def summary_text(markdown: str | None, *, exit_code: int, report_path: Path | None,
                 limit: int = SUMMARY_LIMIT) -> str:
    """The job summary: the Markdown report, cut at a line boundary to fit ``limit`` bytes,
    or a line saying why there is none."""
    if markdown is None:
        return (f"**perfaudit** wrote no report (exit {exit_code}); "
                "its log above says why.\n")
    data = markdown.encode("utf-8")
    if len(data) <= limit:
        return markdown if markdown.endswith("\n") else markdown + "\n"
    note = f"\n*Cut to fit the job summary; the whole report is {report_path} (output `report`).*\n"
    kept = data[:max(limit - len(note.encode("utf-8")), 0)].decode("utf-8", errors="ignore")
    return kept[:kept.rfind("\n") + 1] + note


def append(path: Path, text: str) -> None:
    """Append ``text`` to one of the files GitHub collects after the step."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)
