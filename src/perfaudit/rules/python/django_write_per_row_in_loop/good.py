from django.db import transaction
from django.utils import timezone

from .forms import InvoiceForm
from .models import Invoice, Order, OrderEvent, StockLevel, Ticket


def mark_orders_paid(order_ids):
    orders = list(Order.objects.filter(pk__in=order_ids, status="unpaid"))
    for order in orders:
        order.status = "paid"
        order.paid_at = timezone.now()
    Order.objects.bulk_update(orders, ["status", "paid_at"])


def mark_paid_in_one_statement(order_ids):
    Order.objects.filter(pk__in=order_ids).update(status="paid", paid_at=timezone.now())


def record_events(order, payloads):
    OrderEvent.objects.bulk_create(
        [OrderEvent(order=order, kind=p["kind"], data=p) for p in payloads]
    )


def close(ticket):
    ticket.closed = True
    ticket.save()  # one row, no loop


def save_forms(request, forms):
    for form in forms:
        if form.is_valid():
            form.save()  # a ModelForm: its save() validates and may touch m2m


def export_charts(charts, folder):
    for chart in charts:
        chart.save(folder / f"{chart.name}.png")  # a positional path: not a model


def purge(project):
    Ticket.objects.filter(project=project, closed=True).delete()


def counters(names, totals):
    for name in names:
        totals.update({name: 0})  # a dict, not a queryset


def retry_save(invoice):
    for attempt in range(3):
        try:
            invoice.save()  # the same row retried, not one row per element
            return
        except Exception:
            continue


def create_default_levels(warehouse):
    for sku in ("A", "B"):
        StockLevel.objects.create(warehouse=warehouse, sku=sku)  # two literal entries


def drain(queue):
    while queue:
        item = queue.pop()
        item.save()  # a while loop: pagination or a work queue, not a row loop


def edit(request, pk):
    form = InvoiceForm(request.POST, instance=Invoice.objects.get(pk=pk))
    with transaction.atomic():
        form.save()


def detach_members(chassis):
    for device in chassis.members.all():
        device.snapshot()  # records the change log entry that post_save writes
        device.vc_position = None
        device.save()


def expire(bundles):
    for bundle in bundles:
        # delete() per instance so that the stored file is removed as well
        bundle.delete()
