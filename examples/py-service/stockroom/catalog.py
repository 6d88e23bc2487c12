"""The product catalogue: filtering, grouping and joining supplier data onto products."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from stockroom.models import Product, StockLevel, Supplier

LOG = logging.getLogger(__name__)


def active_products(products: Iterable[Product], suppliers: list[Supplier]) -> list[Product]:
    """Products whose supplier is still on the books."""
    supplier_ids = [s.id for s in suppliers]
    return [p for p in products if p.active and p.supplier_id in supplier_ids]


def by_category(products: Iterable[Product]) -> dict[str, list[Product]]:
    """Products grouped by category, each group in catalogue order."""
    groups: dict[str, list[Product]] = defaultdict(list)
    for product in products:
        groups[product.category].append(product)
    return dict(groups)


def attach_stock(products: list[Product], levels: list[StockLevel]) -> dict[str, int]:
    """Total stock on hand per SKU across all warehouses."""
    totals: dict[str, int] = {}
    for product in products:
        total = 0
        for level in levels:
            if level.sku == product.sku:
                total += level.quantity
        totals[product.sku] = total
    return totals


def stock_by_warehouse(levels: Iterable[StockLevel]) -> dict[str, dict[str, int]]:
    """Stock per warehouse per SKU, built in one pass."""
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for level in levels:
        table[level.warehouse][level.sku] = level.quantity
    return dict(table)


def unique_tags(products: Iterable[Product]) -> list[str]:
    """Every tag used in the catalogue, in first-seen order."""
    return list(dict.fromkeys(tag for p in products for tag in p.tags))


def search(products: Iterable[Product], query: str, limit: int = 20) -> list[Product]:
    """Products whose name contains every word of ``query`` (case-insensitive)."""
    words = query.lower().split()
    hits = []
    for product in products:
        name = product.name.lower()
        if all(w in name for w in words):
            hits.append(product)
            if len(hits) >= limit:
                break
    LOG.debug("search %r matched %d products", query, len(hits))
    return hits


def active_skus(products: Iterable[Product]) -> list[str]:
    """SKUs of the products currently on sale."""
    skus = []
    for product in products:
        if product.active:
            skus.append(product.sku)
    return skus
