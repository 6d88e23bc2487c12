"""``perfaudit rules`` (the catalogue) and ``perfaudit rule ID`` (one rule's documentation)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any

import click

from perfaudit.cli import _console
from perfaudit.cli._names import unknown_names_error
from perfaudit.rules.catalogue import load_catalogue
from perfaudit.rules.catalogue.docs import render_catalogue, render_rule
from perfaudit.rules.catalogue.schema import Rule

COLUMNS = ("id", "language", "category", "severity", "status", "title")
MIN_TITLE_WIDTH = 24
"""Below this much room for titles, they are not wrapped: the terminal wraps them instead."""


def rule_record(rule: Rule) -> dict[str, Any]:
    """One rule as ``perfaudit rules --format json`` lists it (documented in docs/rules.md)."""
    meta = rule.meta
    return {"id": rule.id, "language": rule.language.value, "title": meta.title,
            "severity": meta.severity.value, "category": meta.category.value,
            "status": meta.status.value, "preview": rule.is_preview}


def _cells(rule: Rule) -> tuple[str, ...]:
    meta = rule.meta
    return (rule.id, rule.language.value, meta.category.value, meta.severity.value,
            meta.status.value, meta.title)


def table_lines(rules: Sequence[Rule], width: int | None) -> list[str]:
    """The catalogue as aligned columns. Every cell but the title is written whole, whatever
    ``width``; titles wrap under their column when ``width`` (a terminal's) leaves room."""
    rows = [COLUMNS, *(_cells(rule) for rule in rules)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
    indent = sum(widths) + 2 * len(widths)
    room = (width or 0) - indent
    lines = []
    for row in rows:
        lead = "".join(cell.ljust(w + 2) for cell, w in zip(row[:-1], widths, strict=True))
        title = (textwrap.wrap(row[-1], room) if room >= MIN_TITLE_WIDTH else []) or [row[-1]]
        lines.append((lead + title[0]).rstrip())
        lines += [" " * indent + more for more in title[1:]]
    return lines


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True,
              help="text: aligned columns, ids whole; json: a list of {id, language, title, "
                   "severity, category, status, preview}; markdown: docs/rules.md.")
@click.option("--markdown", is_flag=True, help="Same as --format markdown.")
@click.option("--language", type=click.Choice(["go", "python"]), help="Only this language.")
def list_rules(fmt: str, markdown: bool, language: str | None) -> None:
    """List the built-in rules: id, language, category, severity, status, title."""
    rules = [r for r in load_catalogue() if language is None or r.language.value == language]
    if markdown or fmt == "markdown":
        click.echo(render_catalogue(rules), nl=False)
    elif fmt == "json":
        click.echo(json.dumps([rule_record(rule) for rule in rules], indent=2, ensure_ascii=False))
    else:
        out = _console.stdout
        width = out.width if out.is_terminal else None
        click.echo("\n".join(table_lines(rules, width)))


@click.command("rule")
@click.argument("rule_id")
def show_rule(rule_id: str) -> None:
    """Show one rule's documentation: problem, fix, bad and good examples, references."""
    catalogue = load_catalogue()
    found = [r for r in catalogue if r.id == rule_id]
    if not found:
        raise unknown_names_error([rule_id], [r.id for r in catalogue], what="rule")
    for rule in found:
        if _console.stdout.is_terminal:
            from rich.markdown import Markdown  # only a terminal gets rich's rendering

            _console.stdout.print(Markdown(render_rule(rule)))
        else:
            click.echo(render_rule(rule))


COMMANDS = (list_rules, show_rule)
