"""Small text helpers shared by the renderers (pure)."""

from __future__ import annotations

from perfaudit.model import AuditInfo, Location


def span(location: Location) -> str:
    """``path:start-end`` (or ``path:line`` for one line)."""
    if location.end_line > location.start_line:
        return f"{location.path}:{location.start_line}-{location.end_line}"
    return f"{location.path}:{location.start_line}"


def source_link(audit: AuditInfo, location: Location) -> str | None:
    """A web link to the lines, when the repository's URL and commit are known."""
    if not audit.repository_url or not audit.commit:
        return None
    anchor = f"L{location.start_line}"
    if location.end_line > location.start_line:
        anchor += f"-L{location.end_line}"
    return f"{audit.repository_url}/blob/{audit.commit}/{audit.path_prefix}{location.path}#{anchor}"


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 finding``, ``2 findings``; ``many`` for irregular plurals."""
    return f"{count} {noun}" if count == 1 else f"{count} {many or noun + 's'}"
