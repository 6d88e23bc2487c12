from django.http import JsonResponse

from .models import Order, Ticket


def order_list(request):
    orders = Order.objects.filter(status="open").select_related("customer")
    return JsonResponse({"orders": [{"customer": o.customer.email} for o in orders]})


def line_skus(order_ids):
    orders = Order.objects.filter(pk__in=order_ids).prefetch_related("lines")
    return [line.sku for order in orders for line in order.lines.all()]


def owner_ids(project):
    return [t.owner_id for t in Ticket.objects.filter(project=project)]  # the key column


def emails(project):
    rows = Ticket.objects.filter(project=project).values("pk", "owner__email")
    return [row["owner__email"] for row in rows]  # dicts, no relation to load


def titles(tickets):
    # a parameter: the caller may have prefetched
    return [t.owner.name for t in tickets]


def latest(project):
    return [t.owner.name for t in Ticket.objects.filter(project=project)[:5]]  # five rows


def plain(project):
    return [t.created.year for t in Ticket.objects.filter(project=project)]  # a date field


class Row:
    def __init__(self, customer):
        self.customer = customer


def build(records):
    orders = [Row(r) for r in records]  # plain objects named like a queryset
    return [o.customer.email for o in orders]


def touch(project):
    for ticket in Ticket.objects.filter(project=project):
        ticket.owner = None  # sets the key, loads nothing
        ticket.refresh()


def default_owners(user):
    for ui in Ticket.objects.all():
        if ui.settings.get("owner") == user.pk:  # a JSON field: a dict's get, not a query
            ui.settings["owner"] = None
