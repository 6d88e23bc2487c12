"""Shrink a file that breaks the catalogue by deleting lines while it still breaks it the same way.

Run from the repository root::

    .venv/bin/python -m tests.fuzz FILE [OUT]

``OUT`` (default: ``FILE`` with ``.min`` before its suffix) receives the smallest file found;
copy it into ``tests/fixtures/fuzz/`` to keep it as a regression test.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .harness import Case, check


def _kind(problems: list[str]) -> str:
    return problems[0].split(" (")[0] if problems else ""


def minimise(lines: list[bytes], breaks: Callable[[list[bytes]], bool]) -> list[bytes]:
    """The lines left after deleting runs of lines while ``breaks``: runs of half the file, then
    halving, then single lines until no one line can go."""
    size = max(1, len(lines) // 2)
    while True:
        start, before = 0, len(lines)
        while start < len(lines):
            candidate = lines[:start] + lines[start + size:]
            if candidate and breaks(candidate):
                lines = candidate
            else:
                start += size
        if size == 1 and len(lines) == before:
            return lines
        size = max(1, size // 2)


def main(argv: list[str]) -> int:
    """Minimise ``argv[0]`` into ``argv[1]`` (or ``FILE.min.EXT``); print what it still does."""
    if not argv:
        print(__doc__)
        return 2
    source = Path(argv[0])
    target = Path(argv[1]) if len(argv) > 1 else source.with_suffix(".min" + source.suffix)
    with tempfile.TemporaryDirectory(prefix="perfaudit-minimise-") as tmp:
        work = Path(tmp)

        def kinds(data: bytes) -> list[str]:
            found = check([Case("candidate" + source.suffix, data, str(source))], work, work / "found")
            return [p.kind for p in found]

        wanted = _kind(kinds(source.read_bytes()))
        if not wanted:
            print(f"{source}: scans cleanly, nothing to minimise")
            return 1
        print(f"{source}: {wanted}; deleting lines ...")
        lines = minimise(source.read_bytes().splitlines(keepends=True),
                         lambda candidate: _kind(kinds(b"".join(candidate))) == wanted)
    target.write_bytes(b"".join(lines))
    print(f"{target}: {len(lines)} lines, still {wanted}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
