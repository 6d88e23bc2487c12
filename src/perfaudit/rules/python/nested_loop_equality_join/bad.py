def attach_payments(orders, payments):
    for order in orders:
        order.payments = []
        for payment in payments:  # expect: nested-loop-equality-join
            if payment.order_id == order.id:
                order.payments.append(payment)
    return orders


def find_duplicates(users):
    dupes = []
    for a in users:
        for b in users:  # expect: nested-loop-equality-join
            if a["email"] == b["email"] and a is not b:
                dupes.append(a)
            if a["email"] == b["email"]:
                dupes.append(b)
    return dupes


def merge(left_rows, right_rows):
    out = []
    for left in left_rows:
        for right in right_rows:  # expect: nested-loop-equality-join
            if left["sku"] == right["sku"]:
                out.append({**left, **right})
    return out


def dependencies(docnames, catalogs, deps):
    for docname in docnames:
        domain = docname.split("/")[0]
        for catalog in catalogs:  # expect: nested-loop-equality-join
            if catalog.domain == domain:
                deps[docname].add(catalog.path)
