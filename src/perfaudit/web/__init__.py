"""The triage web app over the history database (``perfaudit serve``).

Starlette is imported by :mod:`perfaudit.web.app` and :mod:`perfaudit.web.server` only, so the
pure modules here (filters, trends, rows) load without the ``web`` extra.
"""

from __future__ import annotations
