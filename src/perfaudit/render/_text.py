"""Small text helpers shared by the renderers (pure)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from perfaudit import gitinfo
from perfaudit.model import AuditInfo, Location

_BACKTICKS = re.compile(r"`+")
# outside code spans, these could start a link or image ([x](url), ![x](url)), end or open a code
# span, or escape what follows; < > & are written as entities, so no raw HTML gets through
_MARKDOWN_SPECIAL = re.compile(r"([\\`\[\]])")


def span(location: Location) -> str:
    """``path:start-end`` (or ``path:line`` for one line)."""
    if location.end_line > location.start_line:
        return f"{location.path}:{location.start_line}-{location.end_line}"
    return f"{location.path}:{location.start_line}"


def source_link(audit: AuditInfo, location: Location) -> str | None:
    """A web link to the lines at the audited commit, when the repository is on a known forge
    (see ``gitinfo.blob_url``)."""
    return gitinfo.blob_url(audit.repository_url, audit.commit,
                            f"{audit.path_prefix}{location.path}", location.start_line,
                            location.end_line)


def spans(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` cut into plain pieces and complete code spans (``True``), as CommonMark reads them."""
    start = pos = 0
    while opening := _BACKTICKS.search(text, pos):
        closing = re.compile(rf"(?<!`){opening.group()}(?!`)").search(text, opening.end())
        if closing is None:  # an unmatched run is literal backticks
            pos = opening.end()
            continue
        yield text[start:opening.start()], False
        yield text[opening.start():closing.end()], True
        start = pos = closing.end()
    yield text[start:], False


def _plain(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def inline(text: str) -> str:
    """Free text (a finding's title, problem, fix…) safe on one Markdown line.

    Whitespace runs, newlines included, become one space, so the text cannot start a block.
    Complete `code spans` are kept as they are; elsewhere HTML is written as entities and
    link, image and code-span syntax is backslash-escaped, so it shows as typed.
    """
    flat = " ".join(text.split())
    return "".join(piece if is_code else _plain(piece) for piece, is_code in spans(flat))


def code(text: str) -> str:
    """``text`` as one inline code span, whatever backticks it holds."""
    flat = " ".join(text.split())
    if not flat:
        return ""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def cell(text: str) -> str:
    """Free text safe inside a Markdown table cell (see ``inline``), ``|`` escaped."""
    return inline(text).replace("|", "\\|")


def code_cell(text: str) -> str:
    """``text`` as inline code safe inside a Markdown table cell."""
    return code(text).replace("|", "\\|")


