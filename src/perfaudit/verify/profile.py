"""Profiles as perfaudit sees them: per-function flat and cumulative cost (pure).

Readers (``pprof``, ``pstat``, ``parse_folded`` here) all end in a ``Profile``; shares are
fractions of the profile's total.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from perfaudit.errors import UsageError


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """One stack frame: a function, and where it is defined or executing when known."""

    name: str
    file: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class FunctionCost:
    """A function's cost: ``flat`` in the function itself, ``cumulative`` with its callees."""

    name: str
    file: str = ""
    line: int = 0
    flat: float = 0.0
    cumulative: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """A whole profile: what was sampled, the total, and the cost of each function."""

    source: str
    sample_type: str
    unit: str
    total: float
    functions: tuple[FunctionCost, ...]

    @property
    def noun(self) -> str:
        """What a share is a share of, for reasons such as ``31 % of CPU``."""
        return _NOUNS.get(self.sample_type, f"of {self.sample_type}")

    def share(self, value: float) -> float:
        """``value`` as a fraction of the total."""
        return value / self.total if self.total else 0.0


_NOUNS = {"cpu": "of CPU", "samples": "of samples", "alloc_space": "of allocated bytes",
          "alloc_objects": "of allocations", "inuse_space": "of in-use memory",
          "inuse_objects": "of in-use objects", "time": "of CPU time"}
_PYSPY_FRAME = re.compile(r"^(?P<name>.*?) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")


def from_stacks(stacks: Iterable[tuple[Sequence[Frame], float]]) -> tuple[FunctionCost, ...]:
    """Aggregate stacks (leaf first) into per-function costs; recursion counts once."""
    flat: dict[tuple[str, str], float] = {}
    cumulative: dict[tuple[str, str], float] = {}
    lines: dict[tuple[str, str], int] = {}
    for frames, value in stacks:
        if not frames or not value:
            continue
        leaf = (frames[0].name, frames[0].file)
        flat[leaf] = flat.get(leaf, 0.0) + value
        for key in {(f.name, f.file) for f in frames}:
            cumulative[key] = cumulative.get(key, 0.0) + value
        for f in frames:
            lines.setdefault((f.name, f.file), f.line)
    return tuple(FunctionCost(name=name, file=file, line=lines[(name, file)],
                              flat=flat.get((name, file), 0.0), cumulative=cum)
                 for (name, file), cum in cumulative.items())


def _frame(text: str) -> Frame:
    match = _PYSPY_FRAME.match(text.strip())
    if match and match.group("file"):
        return Frame(name=match.group("name"), file=match.group("file"),
                     line=int(match.group("line") or 0))
    return Frame(name=text.strip())


def parse_folded(text: str, source: str = "profile") -> Profile:
    """Folded stacks (``a;b;c 123``, root first), as py-spy and perf's stackcollapse write."""
    stacks = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        stack, _, count = line.rpartition(" ")
        try:
            value = float(count)
        except ValueError:
            raise UsageError(f"{source}:{number}: not a folded stack line "
                             "(expected 'a;b;c COUNT')") from None
        frames = [_frame(part) for part in reversed(stack.split(";")) if part]
        stacks.append((frames, value))
    if not stacks:
        raise UsageError(f"{source}: no stacks found")
    return Profile(source=source, sample_type="samples", unit="count",
                   total=sum(v for _, v in stacks), functions=from_stacks(stacks))
