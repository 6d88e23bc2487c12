"""Facts about this installation of perfaudit: a digest of its own files, and the user's cache
folder, where what it compiles once per installation is kept (like Python's bytecode).

Part of the foundation: any module may import it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import time
from pathlib import Path
from typing import Any

from perfaudit import __version__

_PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = ("tree_sitter", "tree_sitter_go", "tree_sitter_python")


@functools.cache
def code_digest() -> str:
    """A digest of perfaudit's own files (code, rules, examples) and of its parsers' files.

    A file counts by its path, size and modification time (reading every file would cost a
    one-file audit a tenth of its time): an edit that keeps both is the only one missed.
    """
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    stamps = []
    for directory, names, files in os.walk(_PACKAGE):
        names[:] = [n for n in names if n != "__pycache__"]  # compiled files come and go
        for name in files:
            info = os.stat(os.path.join(directory, name))
            where = os.path.relpath(os.path.join(directory, name), _PACKAGE)
            stamps.append(f"{where}\0{info.st_size}\0{info.st_mtime_ns}\n")
    for stamp in sorted(stamps):
        digest.update(stamp.encode())
    for name in _LIBRARIES:  # their files, not their metadata: reading that costs 40 ms
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            digest.update(f"{name}: absent\n".encode())
            continue
        with os.scandir(os.path.dirname(spec.origin)) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_file():
                    info = entry.stat()
                    digest.update(f"{name}/{entry.name}\0{info.st_size}\0{info.st_mtime_ns}\n"
                                  .encode())
    return digest.hexdigest()


def user_cache_dir() -> Path:
    """perfaudit's folder in the user's cache (``$XDG_CACHE_HOME``, else ``~/.cache``)."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(home) / "perfaudit"


def compiled_path(kind: str) -> Path:
    """Where this installation keeps its compiled ``kind`` (``catalogue``, ``settings``)."""
    return user_cache_dir() / f"{kind}-{code_digest()}.json"


def read_compiled(kind: str) -> Any:
    """This installation's compiled ``kind`` as JSON's types; None when there is none or it
    does not read (it is then made again)."""
    try:
        return json.loads(compiled_path(kind).read_bytes())
    except (OSError, ValueError):
        return None


_STALE_S = 14 * 24 * 3600
"""Compiled data of other installations unused this long is removed (several installations,
a virtualenv and a tool's own, may share the user's cache)."""


def write_compiled(kind: str, value: Any) -> None:
    """Keep ``value`` as this installation's compiled ``kind``, atomically, and remove what
    other installations left unused for two weeks. A cache that cannot be written only costs
    the next run the work again."""
    path = compiled_path(kind)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(value, separators=(",", ":")), encoding="utf-8")
        temporary.replace(path)
        stale = time.time() - _STALE_S
        for other in (*path.parent.glob(f"{kind}-*.json"), *path.parent.glob(f"{kind}-*.tmp")):
            with contextlib.suppress(OSError):
                if other != path and other.stat().st_mtime < stale:
                    other.unlink()
