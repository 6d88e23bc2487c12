import sys
from collections import deque


def ancestors(node):
    chain = []
    while node is not None:
        chain.append(node.name)
        node = node.parent
    chain.reverse()
    return chain


def newest_first(events):
    out = deque()
    for event in events:
        out.appendleft(event)
    return list(out)


def setup(path):
    sys.path.insert(0, path)  # once


def middle(items, values):
    for v in values:
        items.insert(len(items) // 2, v)  # not the front (still linear, different issue)


def add_self(signatures, arg):
    for sig in signatures:
        sig.args.insert(0, arg)  # one insert into each signature's own list


def configure(paths):
    for path in reversed(paths):
        sys.path.insert(0, str(path))  # sys.path must stay a list
