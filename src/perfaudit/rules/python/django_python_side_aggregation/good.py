from django.db.models import Sum

from .models import Invoice, Order


def unpaid_amount(customer):
    return Invoice.objects.filter(customer=customer, paid=False).aggregate(t=Sum("amount"))["t"]


def open_orders(request):
    orders = Order.objects.filter(user=request.user, status="open")
    if len(orders) == 0:  # the rows are rendered below: len() fills the cache they use
        return []
    return [o.number for o in orders]


def totals(lines):
    # a list of plain objects, not a queryset
    return sum(line.price * line.quantity for line in lines)


def page_total(orders):
    rows = list(orders)
    return sum(o.total for o in rows), rows


def count_items(order):
    items = [line for line in order.lines if line.quantity]
    return len(items)


def longest(names):
    return max(len(n) for n in names)


def passed_on(customer):
    invoices = Invoice.objects.filter(customer=customer)
    notify(invoices)
    return len(invoices)  # the rows were used already


def notify(invoices):
    return invoices


def total_quantity(order):
    return sum(line.quantity for line in order.lines.all())  # one order's lines: a few rows


def charged(order, payments: "QuerySet[Payment]"):
    # an annotated parameter holding one order's payments: its size is the caller's
    return sum(p.captured for p in payments)
