"""Pricing: markup rules per category, currency conversion and price formatting."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from stockroom.models import PriceRule, Product

CENT = Decimal("0.01")
SKU_PATTERN = re.compile(r"^[A-Z]{3}-\d{4,6}$")


class CurrencyConverter:
    """Converts supplier prices to the shop currency with rates fetched from a rates client."""

    def __init__(self, rates_client) -> None:
        self.rates_client = rates_client

    @functools.cache
    def rate(self, currency: str) -> Decimal:
        return Decimal(str(self.rates_client.latest(currency)))

    def convert(self, amount: Decimal, currency: str) -> Decimal:
        if currency == "EUR":
            return amount
        return (amount * self.rate(currency)).quantize(CENT, rounding=ROUND_HALF_UP)


@functools.lru_cache(maxsize=1024)
def parse_sku(sku: str) -> tuple[str, int]:
    prefix, number = sku.split("-")
    return prefix, int(number)


def valid_skus(skus: Iterable[str]) -> list[str]:
    return [sku for sku in skus if SKU_PATTERN.match(sku)]


def apply_rules(products: Iterable[Product], rules: Mapping[str, PriceRule],
                costs: Mapping[str, Decimal]) -> list[Product]:
    priced = []
    for product in products:
        rule = rules.get(product.category)
        cost = costs.get(product.sku)
        if rule is None or cost is None:
            continue
        product.price = (cost * (1 + rule.markup)).quantize(CENT, rounding=ROUND_HALF_UP)
        priced.append(product)
    return priced


def strip_promo_codes(descriptions: Iterable[str]) -> list[str]:
    cleaned = []
    for text in descriptions:
        promo = re.compile(r"\b(?:PROMO|DEAL)-[A-Z0-9]{4,}\b")
        cleaned.append(promo.sub("", text).strip())
    return cleaned


def format_price(amount: Decimal, currency: str = "EUR") -> str:
    return f"{amount.quantize(CENT):,} {currency}"
