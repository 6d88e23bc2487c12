"""Supplier sync: fetch stock feeds from every supplier and merge them into stock levels."""

from __future__ import annotations

import copy
import logging
from datetime import UTC, datetime

import requests

from stockroom.models import StockLevel, Supplier

LOG = logging.getLogger(__name__)

FEED_DEFAULTS = {"warehouse": "main", "quantity": 0, "meta": {"source": "feed", "flags": []}}


def fetch_feed(session: requests.Session, supplier: Supplier, timeout: float) -> list[dict]:
    resp = session.get(f"{supplier.base_url}/stock", timeout=timeout)
    resp.raise_for_status()
    return resp.json()["items"]


def fetch_all_feeds(suppliers: list[Supplier], timeout: float) -> dict[int, list[dict]]:
    feeds: dict[int, list[dict]] = {}
    with requests.Session() as session:
        for supplier in suppliers:
            try:
                feeds[supplier.id] = fetch_feed(session, supplier, timeout)
            except requests.RequestException as exc:
                LOG.warning("supplier %s feed failed: %s", supplier.name, exc)
    return feeds


def fetch_product_details(supplier: Supplier, skus: list[str], timeout: float) -> list[dict]:
    details = []
    for sku in skus:
        resp = requests.get(f"{supplier.base_url}/products/{sku}", timeout=timeout)
        if resp.ok:
            details.append(resp.json())
    return details


def normalise(items: list[dict]) -> list[dict]:
    rows = []
    for item in items:
        row = copy.deepcopy(FEED_DEFAULTS)
        row.update(item)
        rows.append(row)
    return rows


def to_levels(rows: list[dict], now: datetime | None = None) -> list[StockLevel]:
    stamp = now or datetime.now(UTC)
    return [StockLevel(sku=r["sku"], warehouse=r["warehouse"], quantity=int(r["quantity"]),
                       updated_at=stamp) for r in rows if r.get("sku")]


def merge_levels(old: list[StockLevel], new: list[StockLevel]) -> list[StockLevel]:
    merged = {(lv.sku, lv.warehouse): lv for lv in old}
    for level in new:
        merged[(level.sku, level.warehouse)] = level
    return sorted(merged.values(), key=lambda lv: (lv.sku, lv.warehouse))
