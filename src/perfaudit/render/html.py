"""HTML report: one self-contained file (inline CSS, no scripts), every value escaped (pure)."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from perfaudit.model import ConsolidatedFinding, Report, Severity
from perfaudit.render import panel
from perfaudit.render._text import source_link, span, spans
from perfaudit.render.metrics import success_metrics
from perfaudit.render.plan import moved_up, phases
from perfaudit.wording import plural

HEADINGS = {Severity.P0: "P0 — fix now", Severity.P1: "P1 — fix soon",
            Severity.P2: "P2 — when convenient"}
_SAFE_SCHEMES = ("https://", "http://")


def _code_text(code_span: str) -> str:
    """What a complete code span shows: inside its backtick fences, line ends as spaces, and
    one space stripped from each side when both sides have one (as CommonMark does)."""
    fence = len(code_span) - len(code_span.lstrip("`"))
    inner = code_span[fence:len(code_span) - fence].replace("\n", " ")
    if inner[:1] == inner[-1:] == " " and inner.strip():
        inner = inner[1:-1]
    return inner


def inline(text: str) -> Markup:
    """Free text (titles, problems, fixes…) as HTML: escaped first, then each complete
    `code span` of the escaped text shown as ``<code>``; nothing unescaped gets through."""
    escaped = str(escape(text))
    return Markup("".join(f"<code>{_code_text(piece)}</code>" if is_code else piece
                          for piece, is_code in spans(escaped)))


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("perfaudit", "render/templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["span"] = lambda finding: span(finding.location)
    env.filters["inline"] = inline
    env.globals["plural"] = plural
    return env


_ENV = _environment()


def _links(report: Report) -> dict[int, str]:
    links = {}
    for finding in report.findings:
        link = source_link(report.audit, finding.location)
        if link and link.startswith(_SAFE_SCHEMES):
            links[finding.number] = link
    return links


def excerpt_rows(finding: ConsolidatedFinding) -> list[tuple[int, str, bool]]:
    """The finding's excerpt as (line number, text, whether the finding covers it) rows."""
    if finding.excerpt is None:
        return []
    loc, first = finding.location, finding.excerpt.start_line
    return [(number, text, loc.start_line <= number <= max(loc.end_line, loc.start_line))
            for number, text in enumerate(finding.excerpt.lines, first)]


def _unique(report: Report) -> list[tuple[str, list[ConsolidatedFinding]]]:
    pairs = [(name, panel.unique_to(report, name)) for name in panel.panel_names(report)]
    return [(name, found) for name, found in pairs if found]


def context(report: Report) -> dict[str, Any]:
    """Everything the template shows, computed here so the template stays logic-free."""
    audit = report.audit
    return {
        "report": report, "audit": audit,
        "name": audit.target.rstrip("/").rsplit("/", 1)[-1],
        "findings": panel.reported(report),
        "leads": panel.leads(report),
        "left_out": panel.left_out(report),
        "left_out_sentence": panel.left_out_sentence(report),
        "summary": panel.summary_sentence(report) if panel.reported(report) else "",
        "severity_counts": panel.severity_counts(report),
        "is_panel": panel.is_panel(report),
        "found_by_all": panel.found_by_all(report),
        "found_by_some": panel.found_by_some(report),
        "unique": _unique(report),
        "disagreements": panel.disagreements(report),
        "actions": [(HEADINGS[s], [a for a in report.actions if a.severity is s])
                    for s in Severity if any(a.severity is s for a in report.actions)],
        "phases": phases(report.actions),
        "moved_up": moved_up,
        "metrics": success_metrics(report),
        "coverage": panel.coverage(report),
        "links": _links(report),
        "excerpts": {f.number: excerpt_rows(f) for f in report.findings if f.excerpt},
    }


def render(report: Report) -> str:
    """The whole report as one HTML document."""
    return _ENV.get_template("report.html.j2").render(context(report))
