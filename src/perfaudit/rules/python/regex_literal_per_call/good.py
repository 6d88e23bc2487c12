import re

RANGE = re.compile(r"bytes=(\d+)-(\d+)$")
WORD = re.compile(r"\w+")


def parse_range(header: str) -> tuple[int, int] | None:
    m = RANGE.match(header)
    return (int(m.group(1)), int(m.group(2))) if m else None


def words(text: str) -> list[str]:
    return WORD.findall(text)


def find(pattern: str, text: str) -> list[str]:
    return re.findall(pattern, text)  # the caller's pattern: nothing to hoist


def field(name: str, line: str) -> str | None:
    m = re.search(rf"{name}=(\w+)", line)  # built from an argument
    return m.group(1) if m else None


def escaped(word: str, text: str) -> bool:
    return re.search(re.escape(word), text) is not None


def compile_in_loop(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        rx = re.compile(r"id=(\d+)")  # regex-compile-in-loop reports this one
        out += rx.findall(line)
    return out


class Rules:
    SPLIT = re.compile(r",\s*")  # class level: compiled once

    def items(self, value: str) -> list[str]:
        return self.SPLIT.split(value)


TABLE = [re.compile(p) for p in (r"^a", r"^b")]  # module level: once at import
