from collections import defaultdict


def attach_payments(orders, payments):
    by_order = defaultdict(list)
    for payment in payments:
        by_order[payment.order_id].append(payment)
    for order in orders:
        order.payments = by_order[order.id]
    return orders


def line_totals(orders):
    totals = {}
    for order in orders:
        for line in order.lines:  # inner collection depends on the outer item
            if line.sku == order.featured_sku:
                totals[order.id] = line.price
    return totals


def grid(width, height):
    cells = []
    for x in range(width):
        for y in range(height):
            if x == y:  # a diagonal, not a join
                cells.append((x, y))
    return cells


def pending(jobs, states):
    for job in jobs:
        for state in states:
            if state.kind == "failed":  # compares inner values only
                job.retry()


def pairs(items):
    out = []
    for i in range(len(items)):
        for j in range(len(items)):
            if i == j:  # skipping the pair with itself: a pairwise loop, not a key join
                continue
            out.append((items[i], items[j]))
    return out


def pairs_by_rank(players, teams):
    for player in players:
        rank = 3  # not derived from the outer item: a constant filter, not a join
        for team in teams:
            if team.rank == rank:
                team.add(player)
