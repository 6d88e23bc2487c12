"""Render rule documentation (the catalogue page and one rule's page) from rule folders."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from perfaudit.heat.tiers import LIFETIME_CATEGORIES, PER_RUN_CATEGORIES
from perfaudit.model import Category
from perfaudit.rules.catalogue import example_paths
from perfaudit.rules.catalogue.schema import Rule
from perfaudit.wording import plural


def _example(path: Path, fence: str) -> list[str]:
    text = path.read_text(encoding="utf-8").rstrip() if path.is_file() else "(none)"
    return [f"```{fence}", text, "```"]


def _heat_text(category: Category) -> str:
    """How a match of the rule becomes a finding, a lead or nothing (DESIGN §10)."""
    if category in LIFETIME_CATEGORIES:
        return ("The claim concerns the life of the program, not how often a line runs: a match "
                "is a finding when its code runs hot, a lead elsewhere (P2 at most), and is "
                "dropped only in examples, tools, scripts and test support.")
    hot = ("a match is a finding only where the heat model shows that its code runs often (a "
           "request handler, RPC method, message consumer, event loop or iterator step, or code "
           "they call; the chain is the evidence)")
    cold = ("It is not reported in code that runs once or never in production (start-up, "
            "command-line wiring, debug text, memoised functions, error paths, loops over a few "
            "literal items, examples, tools, test support).")
    if category in PER_RUN_CATEGORIES:
        return (f"The cost is paid each time the code runs: {hot}. Where the code runs once per "
                "interval of a periodic loop, or nothing shows how often it runs, the match is "
                f"*unproven* and is not reported (`--all` lists it). {cold}")
    return (f"The cost grows with how often the code runs: {hot}, a lead (P2 at most) where it "
            f"runs once per interval of a periodic loop or nothing shows how often. {cold}")


def render_rule(rule: Rule) -> str:
    """One rule's documentation in Markdown: what, why, fix, examples, references."""
    meta = rule.meta
    fence = "go" if rule.language.value == "go" else "python"
    bad, good = example_paths(rule)
    lines = [f"## {rule.id}", "", f"**{meta.title}**", ""]
    lines += [
        f"- Language: {rule.language.value}  ",
        f"- Category: {meta.category.value}  ",
        f"- Severity: {meta.severity.value}  ",
        f"- Status: {meta.status.value}",
    ]
    if meta.min_version or meta.max_version:
        lines.append(f"- Versions: {meta.min_version or 'any'} to {meta.max_version or 'latest'}")
    lines += ["", "### Problem", "", meta.problem, "", "### Fix", "", meta.fix, ""]
    lines += [f"Impact: {meta.impact}  ", f"Effort: {meta.effort}  ", f"Risk: {meta.risk}  ",
              f"How to test: {meta.testing}", ""]
    lines += ["### Heat", "", _heat_text(meta.category), ""]
    lines += ["### Flagged", "", *_example(bad, fence), "", "### Not flagged", ""]
    lines += [*_example(good, fence), ""]
    if meta.references:
        lines += ["### References", "", *[f"- {ref}" for ref in meta.references], ""]
    return "\n".join(lines)


def render_catalogue(rules: Sequence[Rule]) -> str:
    """The generated ``docs/rules.md``: an index table, then each rule without examples."""
    ordered = sorted(rules, key=lambda r: (r.language.value, r.id))
    lines = ["# perfaudit rules", "",
             "Generated from `src/perfaudit/rules/*/*/rule.yml` by `make docs`; do not edit.", "",
             f"{plural(len(ordered), 'rule')}.", "",
             "`perfaudit rules` lists them in a terminal or a pipe with every id whole; "
             "`perfaudit rules --format json` prints a JSON array, one object per rule in the "
             "order below, with the keys `id`, `language` (`go`, `python`), `title`, "
             "`severity` (`P0`-`P2`), `category`, `status` (`stable`, `preview`) and `preview` "
             "(a boolean: runs only when selected by id or with `--preview`). Keys are only "
             "ever added, never renamed or removed.", "",
             "| Rule | Language | Category | Severity | Status | Title |",
             "|---|---|---|---|---|---|"]
    for rule in ordered:
        m = rule.meta
        lines.append(f"| [`{rule.id}`](#{rule.id}) | {rule.language.value} | {m.category.value} "
                     f"| {m.severity.value} | {m.status.value} | {m.title} |")
    lines.append("")
    for rule in ordered:
        m = rule.meta
        lines += [f"## {rule.id}", "", f"**{m.title}** ({rule.language.value}, "
                  f"{m.category.value}, {m.severity.value})", "", m.problem, "",
                  f"*Fix:* {m.fix}", ""]
    return "\n".join(lines)
