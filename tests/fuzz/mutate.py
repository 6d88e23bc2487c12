"""Seed files and the edits that turn them into files caught in the middle of an edit.

A mutant is a seed (a rule's ``bad``/``good`` example or a bundled example file) and a few
edits applied in order. Positions are drawn as plain integers and taken modulo the size of what
they index, so a mutant's description is enough to rebuild it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]

# Openers left unclosed, by language: the shapes of half-typed code. TOKENS adds the other
# language's openers, stray closers and keywords.
OPENERS = {
    ".py": ("'''", '"""', 'f"{', '"', "'", "(", "[", "{"),
    ".go": ("`", "/*", "func (", '"', "'", "(", "[", "{"),
}
TOKENS = (
    "f'''{", 'b"', "r'\\", ")", "]", "}", "*/", "//", "#", "\\", "func", "def f(", "class C:",
    "if x:", "for ", ":=",
    "go func() {", "defer ", "select {", "case", "lambda", "async ", "await ", "@", "else:",
    "    ", "\t", "\n\n\n",
)
# Byte sequences that are not UTF-8, or are but tend to upset line and column bookkeeping.
BYTES = (
    b"\xff", b"\xfe", b"\xc3", b"\xc3(", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
    b"\xf0\x9f\x98", b"\x80", b"\xc0\xaf", b"\xef\xbb\xbf", b"\x00", b"\r", b"\r\n", b"\x0c",
    b"\x0b", b"\x1b", b"\xe2\x80\xa8", b"\xc2\x85", b"\xe2\x80\xae", b"\xf0\x9f\x98\x80",
)
_POS = st.integers(min_value=0, max_value=1 << 16)


def seed_files() -> tuple[str, ...]:
    """Every seed, as a repository-relative POSIX path: rule examples, then bundled examples."""
    rules = REPO / "src" / "perfaudit" / "rules"
    found = sorted(p for lang, ext in (("go", "go"), ("python", "py")) for name in ("bad", "good")
                   for p in rules.glob(f"{lang}/*/{name}.{ext}"))
    found += sorted(p for p in (REPO / "examples").rglob("*.*")
                    if p.suffix in {".go", ".py"} and ".perfaudit" not in p.parts)
    return tuple(p.relative_to(REPO).as_posix() for p in found)


@dataclass(frozen=True, slots=True)
class Edit:
    """One edit: ``kind`` and its integer arguments (positions are reduced modulo sizes)."""

    kind: str
    a: int = 0
    b: int = 0
    insert: bytes = b""

    def apply(self, data: bytes, other: bytes = b"") -> bytes:
        """``data`` with this edit made; ``other`` is the second seed a splice copies from."""
        lines = data.splitlines(keepends=True)
        at_line = self.a % (len(lines) + 1)
        at_byte = self.a % (len(data) + 1)
        span = 1 + self.b % 8
        if self.kind == "delete-lines":
            return b"".join(lines[:at_line] + lines[at_line + span:])
        if self.kind == "duplicate-lines":
            return b"".join(lines[:at_line + span] + lines[at_line:at_line + span]
                            + lines[at_line + span:])
        if self.kind == "truncate":
            return data[:at_byte]
        if self.kind == "cut":
            return data[:at_byte] + data[at_byte + 1 + self.b % 64:]
        if self.kind == "insert-line":
            return b"".join([*lines[:at_line], self.insert + b"\n", *lines[at_line:]])
        if self.kind == "insert":
            return data[:at_byte] + self.insert + data[at_byte:]
        if self.kind == "splice":
            theirs = other.splitlines(keepends=True)
            start = self.b % (len(theirs) + 1)
            return b"".join(lines[:at_line] + theirs[start:start + span] + lines[at_line:])
        raise ValueError(self.kind)

    def describe(self) -> str:
        """A short, rebuildable description."""
        extra = f" {self.insert!r}" if self.insert else ""
        return f"{self.kind}(a={self.a}, b={self.b}){extra}"


@dataclass(frozen=True, slots=True)
class Mutant:
    """A seed file and the edits made to it."""

    seed: str
    edits: tuple[Edit, ...]
    other: str = ""

    @property
    def splices(self) -> bool:
        """Whether an edit copies lines from ``other``."""
        return any(e.kind == "splice" for e in self.edits)

    @property
    def suffix(self) -> str:
        """The file extension, which decides the language."""
        return Path(self.seed).suffix

    def build(self) -> bytes:
        """The mutant's bytes."""
        data = (REPO / self.seed).read_bytes()
        other = (REPO / self.other).read_bytes() if self.splices else b""
        for edit in self.edits:
            data = edit.apply(data, other)
        return data

    def describe(self) -> str:
        """Seed and edits, enough to rebuild the file."""
        splice = f" (splicing from {self.other})" if self.splices else ""
        return f"{self.seed}{splice}: " + "; ".join(e.describe() for e in self.edits)


def edits(suffix: str) -> st.SearchStrategy[Edit]:
    """One edit to a ``suffix`` file; most insert an unclosed opener, mostly as a line of its own."""
    openers = st.sampled_from(OPENERS[suffix]).map(str.encode)
    others = st.sampled_from(TOKENS + tuple(t for k, v in OPENERS.items() if k != suffix for t in v))
    inserted = st.one_of(openers, openers, others.map(str.encode),
                         st.sampled_from(BYTES), st.binary(min_size=1, max_size=12))
    inserts = st.builds(Edit, st.sampled_from(("insert-line", "insert-line", "insert")), _POS,
                        st.just(0), inserted)
    return st.one_of(
        inserts, inserts,
        st.builds(Edit, st.sampled_from(("delete-lines", "duplicate-lines", "splice")), _POS, _POS),
        st.builds(Edit, st.sampled_from(("truncate", "cut")), _POS, _POS),
    )


def mutants(seeds: tuple[str, ...]) -> st.SearchStrategy[Mutant]:
    """A seed with one to three edits; splices copy lines from a second seed.

    A third of the seeds are bundled examples: fewer than the rules' examples but longer, and
    written like real code.
    """
    rules = st.sampled_from([s for s in seeds if not s.startswith("examples/")])
    examples = st.sampled_from([s for s in seeds if s.startswith("examples/")])
    return st.one_of(rules, rules, examples).flatmap(lambda seed: st.builds(
        Mutant, st.just(seed), st.lists(edits(Path(seed).suffix), min_size=1, max_size=3).map(tuple),
        st.sampled_from(seeds)))
