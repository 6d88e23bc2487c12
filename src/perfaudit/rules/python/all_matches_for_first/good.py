import re
import xml.etree.ElementTree as ET

LINE_BREAK_RE = re.compile(rb"\r\n|\r|\n")
WORD = re.compile(r"\w+")


def words(text):
    found = WORD.findall(text)
    return found if found else []  # the whole list is returned


def count(text):
    return len(re.findall(r"\w+", text))  # the count itself is the answer


def spans(buffer):
    lines = list(LINE_BREAK_RE.finditer(buffer))
    if lines:
        return [m.span() for m in lines]  # every match used
    return []


def first(text):
    m = WORD.search(text)
    return m.group(0) if m else None


def element(root):
    return root.findall("item")[0]  # ElementTree's findall, not a regex


def pairs(text):
    items = re.findall(r"(\w+)=(\w+)", text)
    if not items:
        return {}
    return dict(items)


def many(text):
    return len(re.findall(r"x", text)) > 3  # needs more than one


TABLE = re.findall(r"\w+", "a b c")[0]  # module level: once
