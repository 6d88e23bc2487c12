from decimal import Decimal

from stockroom.pricing import format_price, parse_sku


def test_parse_sku():
    assert parse_sku("ABC-1234") == ("ABC", 1234)


def test_format_price():
    assert format_price(Decimal("1234.5")) == "1,234.50 EUR"


def test_many_formats():
    out = ""
    for n in range(10):
        out += format_price(Decimal(n))  # tests are not audited by default
    assert out
