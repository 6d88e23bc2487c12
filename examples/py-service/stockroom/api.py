"""HTTP API (aiohttp): catalogue, stock and reservation endpoints."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime, timedelta

import requests
from aiohttp import ClientSession, web

from stockroom.catalog import search
from stockroom.models import Reservation

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
