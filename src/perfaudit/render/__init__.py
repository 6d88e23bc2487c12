"""Renderers: each turns a Report into text; FORMATS maps a format name to (file name, render)."""

from __future__ import annotations

from collections.abc import Callable

from perfaudit.model import Report
from perfaudit.render import html, json, markdown, sarif

Renderer = Callable[[Report], str]

FORMATS: dict[str, tuple[str, Renderer]] = {
    "md": ("report.md", markdown.render),
    "json": ("findings.json", json.render),
    "sarif": ("findings.sarif", sarif.render),
    "html": ("report.html", html.render),
}
