"""Form tokens against cross-site requests: an HMAC of the browser's session cookie under the
process's secret (pure).

A page that carries a form sets a random session cookie (when the browser has none) and puts
``token(secret, session)`` in the form; a POST is accepted only when its token is that of its
cookie. Another site can neither read the token nor mint one for a cookie it sets, and the
secret dies with the process.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

FIELD = "csrf_token"
"""The form field that carries the token."""


def cookie_name(secret: bytes) -> str:
    """The session cookie's name, distinct per process: cookies are shared across a host's
    ports, and two servers on one machine must not overwrite each other's."""
    return "perfaudit_session_" + hmac.new(secret, b"cookie", hashlib.sha256).hexdigest()[:12]


def new_session() -> str:
    """A fresh random session value for the cookie."""
    return secrets.token_urlsafe(32)


def token(secret: bytes, session: str) -> str:
    """The form token that goes with ``session``."""
    return hmac.new(secret, session.encode("utf-8"), hashlib.sha256).hexdigest()


def valid(secret: bytes, session: str | None, given: str | None) -> bool:
    """Whether ``given`` is the token of ``session`` (both present)."""
    if not session or not given:
        return False
    return hmac.compare_digest(token(secret, session), given)
