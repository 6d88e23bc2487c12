import itertools


def preview(headers, limit=5):
    lines = []
    for n, (name, value) in enumerate(itertools.islice(headers.items(), limit)):
        lines.append(f"{name}: {value}")
    return lines


def prune(cache, limit):
    for n, key in enumerate(list(cache)):  # the copy is needed: the loop deletes from cache
        del cache[key]
        if n >= limit:
            break


def find(mapping, wanted):
    for key, value in list(mapping.items()):
        if value == wanted:  # a search, not a bound
            return key
    return None


def snapshot(registry, limit):
    items = dict(registry.items())
    for i, (k, v) in enumerate(items.items()):
        if i >= limit:
            break
        print(k, v)
    return items  # the whole copy is used afterwards


def full(mapping):
    copy = dict(mapping.items())
    for key, value in copy.items():
        mapping[key] = value * 2
    return mapping


def literal(limit):
    for i, x in enumerate(list((1, 2, 3))):
        if i > limit:
            break
