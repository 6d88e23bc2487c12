"""Daily reports: low-stock CSV, a plain-text summary and the HTML digest sent to buyers."""

from __future__ import annotations

import csv
import html
import io
import logging
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from stockroom.models import Product, Reservation, StockLevel

LOG = logging.getLogger(__name__)


def low_stock_csv(levels: Iterable[StockLevel], threshold: int = 5) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["sku", "warehouse", "quantity"])
    for level in levels:
        if level.quantity < threshold:
            writer.writerow([level.sku, level.warehouse, level.quantity])
    return buf.getvalue()


def html_digest(products: list[Product], totals: dict[str, int]) -> bytes:
    body = b"<table><tr><th>SKU</th><th>Name</th><th>Stock</th></tr>"
    for product in products:
        LOG.debug(f"digest row for {product.sku}")
        body += (f"<tr><td>{html.escape(product.sku)}</td><td>{html.escape(product.name)}</td>"
                 f"<td>{totals.get(product.sku, 0)}</td></tr>").encode()
    return body + b"</table>"


def summary(products: list[Product], reservations: list[Reservation]) -> str:
    active = len([p for p in products if p.active])
    lines = [f"Products: {len(products)} ({active} active)"]
    lines.append(f"Open reservations: {len(reservations)}")
    return "\n".join(lines)


def expired_reservations(reservations: Iterable[Reservation]) -> list[Reservation]:
    return [r for r in reservations if r.expires_at < datetime.now(UTC)]


def stale_levels(levels: Iterable[StockLevel], max_age: timedelta) -> list[StockLevel]:
    cutoff = datetime.now(UTC) - max_age
    return [lv for lv in levels if lv.updated_at < cutoff]


def category_lines(counts: dict[str, int]) -> list[str]:
    out = []
    for category, count in sorted(counts.items()):
        out.append(f"{category}: {count}")
    return out
