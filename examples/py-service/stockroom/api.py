"""HTTP API (aiohttp): catalogue, stock and reservation endpoints."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime, timedelta

import requests
from aiohttp import ClientSession, web

from stockroom.catalog import active_products, attach_stock, search
from stockroom.models import Reservation
from stockroom.pricing import strip_promo_codes
from stockroom.reports import expired_reservations, html_digest, summary
from stockroom.sync import fetch_product_details, normalise

routes = web.RouteTableDef()


@routes.get("/products")
async def list_products(request: web.Request) -> web.Response:
    products = request.app["products"]
    query = request.query.get("q", "")
    hits = search(products, query) if query else products[:50]
    return web.json_response([{"sku": p.sku, "name": p.name} for p in hits])


@routes.get("/stock/{sku}")
async def stock(request: web.Request) -> web.Response:
    sku = request.match_info["sku"]
    levels = request.app["stock"].get(sku, {})
    return web.json_response({"sku": sku, "warehouses": levels, "total": sum(levels.values())})


@routes.post("/reservations")
async def reserve(request: web.Request) -> web.Response:
    body = await request.json()
    ttl = timedelta(seconds=request.app["settings"].reservation_ttl_s)
    reservation = Reservation(id=uuid.uuid4().hex, sku=body["sku"], quantity=int(body["quantity"]),
                              expires_at=datetime.now(UTC) + ttl)
    async with request.app["lock"]:
        request.app["reservations"][reservation.id] = reservation
    return web.json_response({"id": reservation.id}, status=201)


@routes.get("/suppliers/{id}/health")
async def supplier_health(request: web.Request) -> web.Response:
    supplier = request.app["suppliers"][int(request.match_info["id"])]
    resp = requests.get(f"{supplier.base_url}/health", timeout=5)
    return web.json_response({"supplier": supplier.name, "ok": resp.ok})


@routes.get("/rates/{currency}")
async def rate(request: web.Request) -> web.Response:
    session: ClientSession = request.app["http"]
    async with session.get(f"https://rates.example.com/{request.match_info['currency']}") as resp:
        return web.json_response(await resp.json())


async def purge_expired(app: web.Application) -> None:
    """Background task: drop expired reservations every few seconds."""
    while True:
        async with app["lock"]:
            reservations = app["reservations"]
            for key in [k for k, r in reservations.items() if r.expires_at < datetime.now(UTC)]:
                del reservations[key]
        time.sleep(5)


async def refresh_rates(app: web.Application) -> None:
    """Background task: refresh currency rates every minute without blocking the loop."""
    while True:
        session: ClientSession = app["http"]
        async with session.get("https://rates.example.com/all") as resp:
            app["rates"] = await resp.json()
        await asyncio.sleep(60)


def make_app(settings, products, stock_table, suppliers) -> web.Application:
    app = web.Application()
    app.update(settings=settings, products=products, stock=stock_table, suppliers=suppliers,
               reservations={}, lock=asyncio.Lock())
    app.add_routes(routes)
    return app


@routes.get("/products/active")
async def list_active(request: web.Request) -> web.Response:
    suppliers = list(request.app["suppliers"].values())
    return web.json_response([p.sku for p in active_products(request.app["products"], suppliers)])


@routes.get("/stock/totals")
async def stock_totals(request: web.Request) -> web.Response:
    return web.json_response(attach_stock(request.app["products"], request.app["levels"]))


@routes.get("/reports/digest")
async def digest(request: web.Request) -> web.Response:
    products = request.app["products"]
    totals = attach_stock(products, request.app["levels"])
    return web.Response(body=html_digest(products, totals), content_type="text/html")


@routes.get("/reports/summary")
async def report_summary(request: web.Request) -> web.Response:
    reservations = list(request.app["reservations"].values())
    text = summary(request.app["products"], reservations)
    return web.Response(text=f"{text}\nExpired: {len(expired_reservations(reservations))}")


@routes.post("/products/descriptions")
async def clean_descriptions(request: web.Request) -> web.Response:
    return web.json_response(strip_promo_codes(await request.json()))


@routes.post("/suppliers/{id}/sync")
async def sync_supplier(request: web.Request) -> web.Response:
    supplier = request.app["suppliers"][int(request.match_info["id"])]
    skus = await request.json()
    rows = normalise(fetch_product_details(supplier, skus, timeout=10))
    return web.json_response({"synced": len(rows)})
