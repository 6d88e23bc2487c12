def ancestors(node):
    chain = []
    while node is not None:
        chain.insert(0, node.name)  # expect: list-insert-front-in-loop
        node = node.parent
    return chain


def newest_first(events):
    out = []
    for event in events:
        out.insert(0, event)  # expect: list-insert-front-in-loop
    return out
