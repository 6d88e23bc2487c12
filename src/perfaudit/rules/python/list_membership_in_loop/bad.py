from dataclasses import dataclass


@dataclass
class Order:
    id: int
    customer_id: int
    sku: str


def orders_for_active_customers(orders: list[Order], customers: list[dict]) -> list[Order]:
    active_ids = [c["id"] for c in customers if c["active"]]
    return [o for o in orders if o.customer_id in active_ids]  # expect: list-membership-in-loop


def unique_skus(orders: list[Order]) -> list[str]:
    seen = []
    for order in orders:
        if order.sku not in seen:  # expect: list-membership-in-loop
            seen.append(order.sku)
    return seen


def missing(wanted: list[str], stock: dict[str, int]) -> list[str]:
    available = list(stock)
    out = []
    for sku in wanted:
        if sku not in available:  # expect: list-membership-in-loop
            out.append(sku)
    return out


def number_sections(tree):
    assigned = []

    def walk(node):
        for child in node.children:
            if child.ref in assigned:  # expect: list-membership-in-loop
                continue
            assigned.append(child.ref)
            walk(child)

    walk(tree)
    return assigned
