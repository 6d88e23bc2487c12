def stats(orders, index):
    paid = sum(1 for o in orders if o.paid)
    keys = len(index)
    return paid, keys


def pages(items):
    batch = list(items)  # kept and used below
    return len(batch), batch


def width(rows):
    return len([1, 2, 3])  # a literal


def at_most_one(category, collection, page, url):
    return len([i for i in [category, collection, page, url] if i]) <= 1  # four items
