import re


def find_ids(lines):
    out = []
    for line in lines:
        pattern = re.compile(r"id=(\d+)")  # expect: regex-compile-in-loop
        if m := pattern.search(line):
            out.append(m.group(1))
    return out


def redact(texts, word):
    return [re.compile(word, re.I).sub("***", t) for t in texts]  # expect: regex-compile-in-loop
