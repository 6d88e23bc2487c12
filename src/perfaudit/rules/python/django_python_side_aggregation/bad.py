from django.db.models import QuerySet

from .models import Invoice, Order


def sum_order_totals(qs, currency):
    return sum([order.total_net for order in qs])  # expect: django-python-side-aggregation


def unpaid_amount(customer):
    invoices = Invoice.objects.filter(customer=customer, paid=False)
    return sum(invoice.amount for invoice in invoices)  # expect: django-python-side-aggregation


def open_order_count(request):
    return len(Order.objects.filter(user=request.user, status="open"))  # expect: django-python-side-aggregation


def has_many(customer):
    orders = Order.objects.filter(customer=customer)
    orders = orders.exclude(status="draft")
    return len(orders) > 10  # expect: django-python-side-aggregation


def latest_change(customer_qs: QuerySet):
    return max(c.updated_at for c in customer_qs)  # expect: django-python-side-aggregation


def weight(order_ids):
    return sum(Order.objects.filter(pk__in=order_ids).values_list("weight", flat=True))  # expect: django-python-side-aggregation


def line_count(customer):
    return sum(1 for _ in Order.objects.filter(customer=customer))  # expect: django-python-side-aggregation
