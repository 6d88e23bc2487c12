"""``perfaudit rules`` (the catalogue) and ``perfaudit rule ID`` (one rule's documentation)."""

from __future__ import annotations

import click
from rich.markdown import Markdown
from rich.table import Table

from perfaudit.cli import _console
from perfaudit.errors import UsageError
from perfaudit.rules.catalogue import load_catalogue
from perfaudit.rules.catalogue.docs import render_catalogue, render_rule


@click.command("rules")
@click.option("--markdown", is_flag=True, help="Print the catalogue page (docs/rules.md).")
@click.option("--language", type=click.Choice(["go", "python"]), help="Only this language.")
def list_rules(markdown: bool, language: str | None) -> None:
    """List the built-in rules: id, language, category, severity, title."""
    rules = [r for r in load_catalogue() if language is None or r.language.value == language]
    if markdown:
        click.echo(render_catalogue(rules), nl=False)
        return
    table = Table("id", "language", "category", "severity", "title", box=None)
    for rule in rules:
        preview = " (preview)" if rule.is_preview else ""
        table.add_row(rule.id + preview, rule.language.value, rule.meta.category.value,
                      rule.meta.severity.value, rule.meta.title)
    _console.stdout.print(table)


@click.command("rule")
@click.argument("rule_id")
def show_rule(rule_id: str) -> None:
    """Show one rule's documentation: problem, fix, bad and good examples, references."""
    found = [r for r in load_catalogue() if r.id == rule_id]
    if not found:
        raise UsageError(f"no rule {rule_id!r} (see `perfaudit rules`)")
    for rule in found:
        if _console.stdout.is_terminal:
            _console.stdout.print(Markdown(render_rule(rule)))
        else:
            click.echo(render_rule(rule))


COMMANDS = (list_rules, show_rule)
