"""Retry a provider call on rate limits, server errors and timeouts, with exponential backoff."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime
from typing import TypeVar

T = TypeVar("T")
MAX_WAIT_S = 120.0


class ProviderError(Exception):
    """A request failed; ``retryable`` says whether trying again may help."""

    def __init__(self, message: str, *, retryable: bool, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds a server asked us to wait (``retry-after-ms``, ``Retry-After`` seconds or date)."""
    lowered = {key.lower(): value for key, value in headers.items()}
    if "retry-after-ms" in lowered:
        try:
            return max(0.0, float(lowered["retry-after-ms"]) / 1000)
        except ValueError:
            pass
    value = lowered.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


def with_retries(call: Callable[[], T], *, max_retries: int, backoff_s: float,
                 sleep: Callable[[float], None] = time.sleep) -> tuple[T, int]:
    """``call()`` and how many retries it took; waits ``backoff_s · 2^n`` or what the server asked.

    A wait longer than ``MAX_WAIT_S`` is not worth it: the error is raised instead.
    """
    attempt = 0
    while True:
        try:
            return call(), attempt
        except ProviderError as exc:
            if not exc.retryable or attempt >= max_retries:
                raise
            delay = backoff_s * (2 ** attempt)
            if exc.retry_after is not None:
                delay = max(delay, exc.retry_after)
            if delay > MAX_WAIT_S:
                raise ProviderError(f"{exc} (asked to wait {delay:.0f} s)", retryable=False) from exc
            sleep(delay)
            attempt += 1
