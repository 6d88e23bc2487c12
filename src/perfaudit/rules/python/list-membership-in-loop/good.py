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
