"""Renderers: each turns a Report into text. FORMATS names each format's file and module; a
renderer's module (jinja2 for HTML, pydantic for JSON) is imported only when it is used."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from perfaudit.model import Report

Renderer = Callable[[Report], str]

FORMATS: dict[str, tuple[str, str]] = {
    "md": ("report.md", "markdown"),
    "json": ("findings.json", "json"),
    "sarif": ("findings.sarif", "sarif"),
    "html": ("report.html", "html"),
}
"""Format name -> (file name, module of ``perfaudit.render`` whose ``render`` makes it)."""


def renderer(name: str) -> Renderer:
    """The ``render`` function of format ``name`` (a key of FORMATS)."""
    module = importlib.import_module(f"perfaudit.render.{FORMATS[name][1]}")
    render: Renderer = module.render
    return render
