def collect(pages):
    items = []
    for page in pages:
        items = items + page.items  # expect: list-concat-in-loop
    return items


def path_of(node):
    parts = []
    while node:
        parts = [node.name] + parts  # expect: list-concat-in-loop
        node = node.parent
    return parts
