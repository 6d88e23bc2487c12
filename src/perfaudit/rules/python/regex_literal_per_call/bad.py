import re


def parse_range(header: str) -> tuple[int, int] | None:
    m = re.match(r"bytes=(\d+)-(\d+)$", header)  # expect: regex-literal-per-call
    return (int(m.group(1)), int(m.group(2))) if m else None


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)  # expect: regex-literal-per-call


def slug(title: str) -> str:
    return re.sub("[^a-z0-9]+" "-", "-", title.lower())  # expect: regex-literal-per-call


class Headers:
    def content_type(self, value: str) -> str:
        kind = re.compile(r";\s*").split(value)[0]  # expect: regex-literal-per-call
        return kind.strip()


def tokens(lines: list[str]) -> list[list[str]]:
    return [re.split(r"\s+", line) for line in lines]  # expect: regex-literal-per-call
