from django.http import JsonResponse

from .models import Channel, Customer, Order, Ticket


def order_list(request):
    orders = Order.objects.filter(status="open").order_by("-created")
    rows = []
    for order in orders:  # expect: django-related-access-in-loop
        rows.append({"number": order.number, "customer": order.customer.email})
    return JsonResponse({"orders": rows})


def open_ticket_counts(project):
    return {t.pk: t.comments.count() for t in Ticket.objects.filter(project=project)}  # expect: django-related-access-in-loop


def line_skus(order_ids):
    qs = Order.objects.filter(pk__in=order_ids)
    qs = qs.exclude(status="void")
    skus = []
    for order in qs:  # expect: django-related-access-in-loop
        for line in order.lines.all():
            skus.append(line.sku)
    return skus


def owner_ids(project):
    return [t.owner.id for t in Ticket.objects.filter(project=project)]  # expect: django-related-access-in-loop


def price_all(listings_for, products):
    listings = listings_for.objects.filter(product__in=products)
    for listing in listings:  # expect: django-related-access-in-loop
        recalculate(listing.product_id, listing.channel)


def recalculate(product_id, channel: Channel):
    return product_id, channel


def new_customer(email) -> Customer:
    return Customer.objects.create(email=email)
