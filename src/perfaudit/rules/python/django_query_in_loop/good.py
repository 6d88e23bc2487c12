from django.db.models import Count, Q

from .models import Customer, Invoice, Product


def order_lines_payload(lines):
    products = Product.objects.in_bulk([line["product_id"] for line in lines])
    return [{"name": products[line["product_id"]].name, "quantity": line["quantity"]}
            for line in lines]


def invoice_counts(customers):
    rows = (Invoice.objects.filter(customer__in=customers)
            .values("customer_id").annotate(n=Count("pk")))
    return {row["customer_id"]: row["n"] for row in rows}


def matching(terms):
    query = Q()
    for term in terms:
        query |= Q(name__icontains=term)  # builds one query, runs nothing per term
    return Product.objects.filter(query)


def lookups(names, defaults):
    for name in names:
        defaults.get(name)  # a dict, not a manager


def total_once(items):
    count = Invoice.objects.count()  # outside the loop
    for item in items:
        item.share = item.amount / count


def first_matching(pks):
    for pk in pks:
        return Customer.objects.get(pk=pk)  # returns on the first element


def poll(job_id):
    while True:
        if Invoice.objects.filter(job_id=job_id).exists():  # a polling loop, not a row loop
            return


def per_status():
    for status in ("paid", "void"):
        yield Invoice.objects.filter(status=status).count()  # two literal statuses


def same_query(items):
    for item in items:
        item.total = Invoice.objects.count()  # the same query each time; nothing from the item


def object_counts(object_types):
    counts = {}
    for object_type in object_types:
        model = object_type.model_class()
        counts[object_type] = model.objects.count()  # a different table each time: no batching
    return counts
