"""How much of an answer is read and kept, derived from the output tokens a request asks for.

An answer can be no longer than the model's output limit, so anything much longer is not an
answer (a misbehaving server or agent, or something else on the line) and is refused while it is
read, before it fills memory or the cache.
"""

from __future__ import annotations

from collections.abc import Iterable

from perfaudit.reviewers.llm.retry import ProviderError

# generous: tokens average about four bytes of text, and JSON escaping can multiply that
BYTES_PER_TOKEN = 16
# an HTTP answer wraps the text in a JSON envelope (ids, usage, stop reason) and escapes it
ENVELOPE_BYTES = 64 * 1024
READ_CHUNK = 64 * 1024


def answer_limit(max_output_tokens: int) -> int:
    """The most bytes of answer text read from a command or kept in the cache."""
    return max(1, max_output_tokens) * BYTES_PER_TOKEN


def response_limit(max_output_tokens: int) -> int:
    """The most bytes of an HTTP response body read: the escaped answer and its envelope."""
    return 2 * answer_limit(max_output_tokens) + ENVELOPE_BYTES


def too_long(limit: int, max_output_tokens: int) -> ProviderError:
    """The error for an answer over ``limit`` bytes; trying again would only cost more."""
    return ProviderError(f"answer too long: over {limit:,} bytes, more than max_output_tokens "
                         f"{max_output_tokens:,} can produce", retryable=False)


def over_limit(text: str, max_output_tokens: int) -> ProviderError | None:
    """The error for answer ``text`` longer than the answer limit, else None."""
    limit = answer_limit(max_output_tokens)
    if len(text) > limit or len(text.encode("utf-8")) > limit:
        return too_long(limit, max_output_tokens)
    return None


def read_capped(chunks: Iterable[bytes], limit: int, max_output_tokens: int) -> bytes:
    """``chunks`` joined, raising as soon as they pass ``limit`` bytes."""
    data = bytearray()
    for chunk in chunks:
        data += chunk
        if len(data) > limit:
            raise too_long(limit, max_output_tokens)
    return bytes(data)
