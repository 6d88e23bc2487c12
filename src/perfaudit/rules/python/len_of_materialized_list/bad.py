def stats(orders, index):
    paid = len([o for o in orders if o.paid])  # expect: len-of-materialized-list
    keys = len(list(index.keys()))  # expect: len-of-materialized-list
    lines = len(list(open_lines()))  # expect: len-of-materialized-list
    return paid, keys, lines


def open_lines():
    yield from ()
