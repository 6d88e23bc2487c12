def all_tags(posts):
    return sum([p.tags for p in posts], [])  # expect: sum-of-lists


def flatten(groups):
    return sum(groups, start=[])  # expect: sum-of-lists
