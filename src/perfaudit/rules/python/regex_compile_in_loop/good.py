import re

ID = re.compile(r"id=(\d+)")


def find_ids(lines):
    return [m.group(1) for line in lines if (m := ID.search(line))]


def compile_all(patterns):
    return [re.compile(p) for p in patterns]  # a different pattern each time


def matcher(word):
    return re.compile(re.escape(word))  # once per call, not in a loop


def by_field(rows, fields):
    for field in fields:
        rx = re.compile(rf"{field}=(\w+)")
        yield [rx.search(r) for r in rows]
