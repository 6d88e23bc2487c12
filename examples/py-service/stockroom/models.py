"""Plain records passed between the sync, pricing and API layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Supplier:
    id: int
    name: str
    base_url: str
    currency: str = "EUR"


@dataclass(slots=True)
class Product:
    sku: str
    name: str
    supplier_id: int
    category: str
    active: bool = True
    price: Decimal | None = None
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StockLevel:
    sku: str
    warehouse: str
    quantity: int
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class PriceRule:
    category: str
    markup: Decimal
    min_margin: Decimal = Decimal("0.05")


@dataclass(slots=True)
class Reservation:
    id: str
    sku: str
    quantity: int
    expires_at: datetime
    lines: list[str] = field(default_factory=list)
