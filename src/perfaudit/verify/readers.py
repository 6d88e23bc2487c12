"""Open a profile file of any supported kind: Go pprof, Python pstats, or folded stacks."""

from __future__ import annotations

from pathlib import Path

from perfaudit.errors import UsageError
from perfaudit.verify.pprof import read_pprof
from perfaudit.verify.profile import Profile, parse_folded
from perfaudit.verify.pstat import read_pstats


def _looks_like_text(data: bytes) -> bool:
    try:
        text = data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text


def load_profile(path: Path, sample_type: str | None = None) -> Profile:
    """Detect the profile's format from its bytes and read it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read profile {path}: {exc.strerror}") from exc
    if not data:
        raise UsageError(f"{path}: empty profile")
    if data[:2] == b"\x1f\x8b":
        return read_pprof(data, str(path), sample_type)
    if data[0] & 0x7F == ord("{"):  # a marshalled dict (flag bit aside): cProfile's dump
        return read_pstats(path)
    if _looks_like_text(data):
        return parse_folded(data.decode("utf-8"), str(path))
    return read_pprof(data, str(path), sample_type)
