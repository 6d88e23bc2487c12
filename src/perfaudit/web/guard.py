"""An ASGI middleware that refuses requests a browser was tricked into sending, and sets the
headers that keep pages from being framed or running scripts from elsewhere.

- The Host header must name the server (a loopback name unless remote access was allowed):
  a page on a rebound DNS name reaches 127.0.0.1 with its own name as the host.
- A request that changes something must come from the server's own origin (``Origin``, else
  ``Sec-Fetch-Site``); the form token is checked besides, by the endpoint.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
HEADERS = {
    "content-security-policy": ("default-src 'none'; script-src 'self'; style-src 'self'; "
                                "img-src 'self' data:; connect-src 'self'; form-action 'self'; "
                                "frame-ancestors 'none'; base-uri 'none'"),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",  # "no-referrer" makes a browser send `Origin: null`
    "cache-control": "no-store",
}


def host_name(host: str) -> str | None:
    """The name in a Host header (``[::1]:8000`` -> ``::1``), or None when it is malformed."""
    try:
        name = urlsplit(f"//{host}").hostname
    except ValueError:
        return None
    return name or None


def same_origin(headers: Headers) -> bool:
    """Whether a state-changing request comes from the page's own origin."""
    host = headers.get("host", "")
    origin = headers.get("origin")
    if origin is not None:
        return origin in (f"http://{host}", f"https://{host}")
    return headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none")


class Guard:
    """Refuse foreign hosts (400) and cross-origin writes (403); add security headers."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts
        """Accepted host names; empty accepts any."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check one request, then pass it on with the headers added to its response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(headers, scope["method"])
        if refusal is not None:
            await refusal(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    extra.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _refusal(self, headers: Headers, method: str) -> PlainTextResponse | None:
        name = host_name(headers.get("host", ""))
        if name is None or (self.hosts and name.lower() not in self.hosts):
            return PlainTextResponse("Unknown host: open this server by its loopback address.",
                                     status_code=400)
        if method not in SAFE_METHODS and not same_origin(headers):
            return PlainTextResponse("Cross-origin request refused.", status_code=403)
        return None
