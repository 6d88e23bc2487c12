import itertools


def all_tags(posts):
    return list(itertools.chain.from_iterable(p.tags for p in posts))


def total(prices):
    return sum(prices, 0)


def flatten(groups):
    return [x for g in groups for x in g]
