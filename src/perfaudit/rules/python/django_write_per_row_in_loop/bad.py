from django.db import transaction
from django.utils import timezone

from .models import Invoice, Order, OrderEvent, StockLevel, Ticket


def mark_orders_paid(request, order_ids):
    orders = Order.objects.filter(pk__in=order_ids, status="unpaid")
    for order in orders:
        order.status = "paid"
        order.paid_at = timezone.now()
        order.save(update_fields=["status", "paid_at"])  # expect: django-write-per-row-in-loop
    return len(order_ids)


def record_events(order, payloads):
    for payload in payloads:
        OrderEvent.objects.create(order=order, kind=payload["kind"], data=payload)  # expect: django-write-per-row-in-loop


def sync_stock(warehouse, rows):
    with transaction.atomic():
        for row in rows:
            StockLevel.objects.update_or_create(  # expect: django-write-per-row-in-loop
                warehouse=warehouse, sku=row.sku, defaults={"quantity": row.quantity}
            )


def purge_closed_tickets(project):
    for ticket in Ticket.objects.filter(project=project, closed=True):
        ticket.delete()  # expect: django-write-per-row-in-loop


def reprice(lines, rate):
    for line in lines:
        Invoice.objects.filter(pk=line.invoice_id).update(total=line.amount * rate)  # expect: django-write-per-row-in-loop


def import_invoices(records):
    for record in records:
        invoice = Invoice(number=record["number"], total=record["total"])
        invoice.save()  # expect: django-write-per-row-in-loop


def archive(order_ids):
    return [Order.objects.filter(pk=pk).update(archived=True) for pk in order_ids]  # expect: django-write-per-row-in-loop
