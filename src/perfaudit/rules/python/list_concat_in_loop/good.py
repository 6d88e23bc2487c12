def collect(pages):
    items = []
    for page in pages:
        items.extend(page.items)
    return items


def totals(rows):
    total = 0
    for r in rows:
        total = total + r.amount  # numbers
    return total


def label(words):
    text = ""
    for w in words:
        text = text + w  # a string: see string-concat-in-loop
    return text


def needs(out, pending):
    for n in pending:
        if n.blocked:
            out = out + n.deps  # followed by break: runs once
            break
    return out
