"""Listen and serve: bind the socket first (port 0 picks a free one, so the URL is known
before serving starts), then run uvicorn on it."""

from __future__ import annotations

import socket

import uvicorn
from starlette.types import ASGIApp

from perfaudit.errors import UsageError


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port``; a usage error when it cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host.strip("[]"), port), family=family)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def url(sock: socket.socket) -> str:
    """The address a browser opens for ``sock``."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def server(app: ASGIApp) -> uvicorn.Server:
    """A quiet uvicorn server for ``app`` (errors only; no access log, lifespan or websockets)."""
    config = uvicorn.Config(app, log_level="error", access_log=False, lifespan="off",
                            ws="none", server_header=False)
    return uvicorn.Server(config)
