"""Cut files into line-numbered chunks and pack them into batches under a token budget (pure)."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

from perfaudit.model import Language
from perfaudit.reviewers.llm.outline import Outline

ELISION = "   …| "


@dataclass(frozen=True, slots=True, kw_only=True)
class FileText:
    """A file ready to send: redacted text and its outline."""

    path: str
    language: Language
    text: str
    outline: Outline


@dataclass(frozen=True, slots=True, kw_only=True)
class Chunk:
    """Lines ``start_line``-``end_line`` of a file under review, with context lines before them."""

    path: str
    language: Language
    start_line: int
    end_line: int
    body: str
    tokens: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Batch:
    """Chunks sent together in one request."""

    index: int
    chunks: tuple[Chunk, ...]
    tokens: int
    digest: str

    @property
    def paths(self) -> tuple[str, ...]:
        """The files in this batch, in order, without repeats."""
        return tuple(dict.fromkeys(c.path for c in self.chunks))


def estimate_tokens(text: str) -> int:
    """A rough token count (about four characters a token) that needs no tokenizer."""
    return (len(text) + 3) // 4


def _line_tokens(line: str) -> int:
    return (len(line) + 8) // 4  # the line plus its number column


def _numbered(lines: list[str], numbers: Sequence[int]) -> list[str]:
    return [f"{n:>5}| {lines[n - 1]}" for n in numbers]


def _segments(outline: Outline, total: int) -> list[tuple[int, int]]:
    starts = sorted({1, *(c for c in outline.cuts if 1 <= c <= total)})
    ends = [s - 1 for s in starts[1:]] + [total]
    return list(zip(starts, ends, strict=True))


def _hard_split(start: int, end: int, lines: list[str], budget: int) -> list[tuple[int, int]]:
    pieces, piece_start, used = [], start, 0
    for n in range(start, end + 1):
        cost = _line_tokens(lines[n - 1])
        if used and used + cost > budget:
            pieces.append((piece_start, n - 1))
            piece_start, used = n, 0
        used += cost
    pieces.append((piece_start, end))
    return pieces


def _pack(segments: list[tuple[int, int]], lines: list[str], budget: int) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    used = 0
    for start, end in segments:
        cost = sum(_line_tokens(lines[n - 1]) for n in range(start, end + 1))
        if current is not None and used + cost <= budget:
            current, used = (current[0], end), used + cost
            continue
        if current is not None:
            ranges.append(current)
        if cost > budget:
            *full, last = _hard_split(start, end, lines, budget)
            ranges.extend(full)
            current = last
            used = sum(_line_tokens(lines[n - 1]) for n in range(last[0], last[1] + 1))
        else:
            current, used = (start, end), cost
    if current is not None:
        ranges.append(current)
    return ranges


def _context_for(file: FileText, start: int, lines: list[str], budget: int) -> list[int]:
    headers = [h for h, last in file.outline.class_headers if h < start <= last]
    wanted = [n for n in (*file.outline.context, *headers) if n < start]
    if sum(_line_tokens(lines[n - 1]) for n in wanted) > budget // 3:
        wanted = [n for n in wanted if lines[n - 1].lstrip().startswith(("package", "import", "from"))]
    return sorted(set(wanted))


def _chunk(file: FileText, lines: list[str], start: int, end: int, context: list[int]) -> Chunk:
    shown = _numbered(lines, context)
    if context:
        shown.append(f"{ELISION}(lines {start}-{end} are under review; other lines not shown)")
    shown += _numbered(lines, range(start, end + 1))
    body = "\n".join(shown)
    return Chunk(path=file.path, language=file.language, start_line=start, end_line=end,
                 body=body, tokens=estimate_tokens(body))


def split_file(file: FileText, budget: int) -> list[Chunk]:
    """The file as one chunk if it fits ``budget`` tokens, else chunks cut between definitions.

    Every chunk after a cut carries the file's imports and type declarations as context.
    """
    lines = file.text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    total = len(lines)
    if total == 0:
        return []
    if sum(_line_tokens(line) for line in lines) <= budget:
        return [_chunk(file, lines, 1, total, [])]
    context_budget = budget // 3
    ranges = _pack(_segments(file.outline, total), lines, budget - context_budget)
    return [_chunk(file, lines, start, end, _context_for(file, start, lines, budget))
            for start, end in ranges]


def _digest(chunks: Sequence[Chunk]) -> str:
    sha = hashlib.sha256()
    for c in chunks:
        sha.update(f"{c.path}\0{c.language.value}\0{c.start_line}\0{c.end_line}\0".encode())
        sha.update(c.body.encode("utf-8"))
        sha.update(b"\0")
    return sha.hexdigest()


def _seal(index: int, chunks: list[Chunk]) -> Batch:
    return Batch(index=index, chunks=tuple(chunks), tokens=sum(c.tokens for c in chunks),
                 digest=_digest(chunks))


def plan_batches(chunks: Sequence[Chunk], budget: int) -> list[Batch]:
    """Pack chunks into batches of at most ``budget`` tokens, keeping a directory together."""
    by_dir: dict[str, list[Chunk]] = {}
    for c in sorted(chunks, key=lambda c: (posixpath.dirname(c.path), c.path, c.start_line)):
        by_dir.setdefault(posixpath.dirname(c.path), []).append(c)
    batches: list[Batch] = []
    current: list[Chunk] = []
    used = 0
    for group in by_dir.values():
        if current and used + sum(c.tokens for c in group) > budget:
            batches.append(_seal(len(batches) + 1, current))
            current, used = [], 0
        for c in group:
            if current and used + c.tokens > budget:
                batches.append(_seal(len(batches) + 1, current))
                current, used = [], 0
            current.append(c)
            used += c.tokens
    if current:
        batches.append(_seal(len(batches) + 1, current))
    return batches


def repo_map(paths: Sequence[str], limit: int = 40) -> str:
    """A short map of the repository: one line per directory with its files."""
    by_dir: dict[str, list[str]] = {}
    for path in sorted(paths):
        by_dir.setdefault(posixpath.dirname(path) or ".", []).append(posixpath.basename(path))
    lines = []
    for directory, names in list(by_dir.items())[:limit]:
        shown = ", ".join(names[:8]) + (f", … ({len(names) - 8} more)" if len(names) > 8 else "")
        lines.append(f"{directory}/: {shown}")
    if len(by_dir) > limit:
        lines.append(f"… and {len(by_dir) - limit} more directories")
    return "\n".join(lines)
