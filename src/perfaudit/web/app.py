"""The ASGI app: routes, static files, error pages, and the request guard around them."""

from __future__ import annotations

import sqlite3

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from perfaudit.errors import PerfauditError
from perfaudit.web.actions import Actions
from perfaudit.web.guard import Guard
from perfaudit.web.pages import Pages
from perfaudit.web.settings import WebSettings
from perfaudit.web.site import Site


def create_app(settings: WebSettings) -> Starlette:
    """The triage app over ``settings.database``, for the repository ``settings.root``."""
    site = Site(settings)
    pages = Pages(site)
    actions = Actions(site, pages)
    audit = "/audits/{audit_id}"
    routes = [
        Route("/", pages.overview, name="overview"),
        Route(audit, pages.audit, name="audit"),
        Route(audit + "/findings/{fingerprint}", pages.finding, name="finding"),
        Route(audit + "/findings/{fingerprint}/triage", actions.triage, methods=["POST"],
              name="triage"),
        Route(audit + "/revalidation", pages.revalidation, name="revalidation"),
        Mount("/static", StaticFiles(packages=[("perfaudit.web", "static")]), name="static"),
    ]

    def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return site.error(request, exc.status_code, exc.detail)

    def store_error(request: Request, exc: Exception) -> Response:
        # the database moved, was replaced or is locked while serving: say so on the page
        return site.error(request, 500, f"The history database could not be read: {exc}")

    handlers = {HTTPException: http_error, PerfauditError: store_error, sqlite3.Error: store_error}
    return Starlette(routes=routes, exception_handlers=handlers,
                     middleware=[Middleware(Guard, hosts=settings.hosts)])
