def orders_for_active_customers(orders, customers):
    active_ids = {c["id"] for c in customers if c["active"]}
    return [o for o in orders if o.customer_id in active_ids]


def unique_skus(orders):
    seen = set()
    out = []
    for order in orders:
        if order.sku not in seen:
            seen.add(order.sku)
            out.append(order.sku)
    return out


def classify(events, allowed):
    # `allowed` is a parameter: its type is unknown here
    return [e for e in events if e.kind in allowed]


def is_weekend(days):
    weekend = ["sat", "sun"]  # a small fixed literal
    return [d for d in days if d in weekend]


def status_ok(responses):
    return [r for r in responses if r.status in (200, 201, 204)]


def one_check(items, needle):
    names = [i.name for i in items]
    return needle in names  # not in a loop


def header_only(rows):
    keys = [r.key for r in rows]
    for k in keys:  # iterating, not testing membership
        print(k)


def has_edges(fragments, info):
    for fragment in fragments:
        values = [f.name for f in info.fragments[fragment].selections]  # rebuilt per item
        if "edges" in values:  # tested once per build: a set would not help
            return True
    return False


def redirect_headers(headers, method_changed):
    remove = ["Cookie"]
    if method_changed:
        remove.extend(["Content-Length", "Content-Type"])  # bounded: grown once, not per item
    return {k: v for k, v in headers.items() if k.title() not in remove}


def chapters_in_order(chapter_list):
    chapters = [{"start_time": 0}]  # dicts: unhashable, a set does not apply
    for chapter in chapter_list:
        if chapter not in chapters:
            chapters.append(chapter)
    return chapters


def visit_once(tree):
    seen = set()

    def walk(node):
        for child in node.children:
            if child.ref in seen:  # a set from the enclosing function: constant time
                continue
            seen.add(child.ref)
            walk(child)

    walk(tree)
    return seen
