from django.db.models import Sum

from .models import Customer, Invoice, Product, StockLevel


def order_lines_payload(request, lines):
    payload = []
    for line in lines:
        product = Product.objects.get(pk=line["product_id"])  # expect: django-query-in-loop
        payload.append({"name": product.name, "quantity": line["quantity"]})
    return payload


def low_stock(warehouse, skus):
    return [
        sku
        for sku in skus
        if not StockLevel.objects.filter(warehouse=warehouse, sku=sku, quantity__gt=0).exists()  # expect: django-query-in-loop
    ]


def invoice_counts(customers):
    counts = {}
    for customer in customers:
        counts[customer.pk] = Invoice.objects.filter(customer_id=customer.pk).count()  # expect: django-query-in-loop
    return counts


def totals(customer_ids):
    invoices = Invoice.objects.exclude(status="void")
    result = {}
    for cid in customer_ids:
        result[cid] = invoices.filter(customer_id=cid).aggregate(total=Sum("amount"))["total"]  # expect: django-query-in-loop
    return result


def latest_invoice(emails):
    for email in emails:
        customer = Customer.objects.filter(email=email).first()  # expect: django-query-in-loop
        if customer is not None:
            yield customer


def skip_already_invoiced(customers, period):
    for customer in customers:
        invoices = Invoice.objects.filter(customer=customer, period=period)
        if invoices.exists():  # expect: django-query-in-loop
            continue
        yield customer
