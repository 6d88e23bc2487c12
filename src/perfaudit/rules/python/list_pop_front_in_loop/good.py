from collections import deque


def walk(graph, start):
    queue = deque([start])
    seen = {start}
    while queue:
        node = queue.popleft()
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def stack(items):
    out = []
    while items:
        out.append(items.pop())  # from the end: O(1)
    return out


def first(args):
    return args.pop(0)  # once, not in a loop


def by_code(codes):
    table = {0: "ok", 1: "error"}
    for _ in codes:
        table.pop(0)  # a dict keyed by 0


def drop_headers(tables):
    for table in tables:
        table.pop(0)  # one pop from each table
