"""Providers: OpenAI-compatible and Anthropic servers through their official SDKs, or a local command.

Providers take their model, base URL, key and limits as parameters; none reads the environment.
Each SDK is asked not to retry (``max_retries=0``): ``retry.with_retries`` retries every provider
alike and honours ``Retry-After``. Answers are read as a stream and refused once they grow past
what the requested output tokens allow (``limits``), so a runaway answer never fills memory.
"""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from perfaudit.errors import install_hint
from perfaudit.reviewers.llm.batch import estimate_tokens
from perfaudit.reviewers.llm.command import OutputTooLong, run_capped
from perfaudit.reviewers.llm.limits import (
    READ_CHUNK,
    answer_limit,
    read_capped,
    response_limit,
    too_long,
)
from perfaudit.reviewers.llm.prompt import Prompt
from perfaudit.reviewers.llm.retry import ProviderError, retry_after
from perfaudit.reviewers.llm.schema import answer_schema

OPENAI_URL = "https://api.openai.com/v1"
ANTHROPIC_URL = "https://api.anthropic.com"
OLLAMA_URL = "http://localhost:11434/v1"
_TOOL = "report_findings"
_RETRYABLE_STATUS = frozenset({408, 409, 429})


class ProviderUnavailable(Exception):
    """The provider cannot be used at all (SDK not installed, no key, command not found)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Reply:
    """A provider's answer: JSON text or an already decoded object, and the tokens it used."""

    text: str | None = None
    data: object = None
    tokens_in: int = 0
    tokens_out: int = 0
    truncated: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiSpec:
    """Where and how to call an HTTP provider."""

    model: str
    api_key: str
    base_url: str  # always explicit, so the SDKs never fall back to *_BASE_URL variables
    timeout_s: float
    max_output_tokens: int
    structured_output: bool


class Provider(Protocol):
    """Something that answers a prompt."""

    model: str

    def complete(self, prompt: Prompt) -> Reply:
        """One request; raises ``ProviderError`` on failure."""
        ...

    def close(self) -> None:
        """Release connections; in-flight requests fail."""
        ...


def _sdk_error(exc: Exception, sdk: Any) -> ProviderError:
    if isinstance(exc, sdk.APITimeoutError):
        return ProviderError("request timed out", retryable=True)
    if isinstance(exc, sdk.APIStatusError):
        status = exc.status_code
        wait = retry_after(dict(exc.response.headers))
        retryable = status in _RETRYABLE_STATUS or status >= 500
        return ProviderError(f"HTTP {status}: {str(exc)[:200]}", retryable=retryable, retry_after=wait)
    if isinstance(exc, sdk.APIConnectionError):
        return ProviderError(f"connection failed: {exc}", retryable=True)
    return ProviderError(f"{type(exc).__name__}: {exc}", retryable=False)


def _fetch(opened: AbstractContextManager[Any], sdk: Any, max_output_tokens: int) -> dict[str, Any]:
    """The JSON object a streamed SDK response carries, read up to the response limit."""
    limit = response_limit(max_output_tokens)
    try:
        with opened as response:
            body = _read_body(response.iter_bytes(READ_CHUNK), limit, max_output_tokens)
    except ProviderError:
        raise
    except Exception as exc:
        raise _sdk_error(exc, sdk) from exc
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise ProviderError(f"answer is not JSON: {exc}", retryable=False) from exc
    if not isinstance(data, dict):
        raise ProviderError("answer is not a JSON object", retryable=False)
    return data


def _read_body(chunks: Iterator[bytes], limit: int, max_output_tokens: int) -> bytes:
    try:
        return read_capped(chunks, limit, max_output_tokens)
    except ProviderError:
        raise
    except Exception as exc:  # the connection broke or timed out after the headers came
        raise ProviderError(f"reading the answer failed: {type(exc).__name__}: {exc}",
                            retryable=True) from exc


def _get(data: object, key: str) -> Any:
    return data.get(key) if isinstance(data, dict) else None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _import(name: str, extra: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ProviderUnavailable(
            f"the {name!r} package is not installed: {install_hint(extra)}") from exc


class OpenAIProvider:
    """Chat completions on OpenAI or any compatible server (Ollama, vLLM, LM Studio, llama.cpp)."""

    def __init__(self, spec: ApiSpec) -> None:
        self._sdk = _import("openai", "openai")
        self.model = spec.model
        self._client = self._sdk.OpenAI(api_key=spec.api_key, base_url=spec.base_url,
                                        timeout=spec.timeout_s, max_retries=0)
        # OpenAI's own API wants max_completion_tokens; compatible servers know max_tokens
        official = spec.base_url.rstrip("/") == OPENAI_URL
        self._limit = {"max_completion_tokens" if official else "max_tokens": spec.max_output_tokens}
        self._max_tokens = spec.max_output_tokens
        self._structured = spec.structured_output

    def _format(self) -> dict[str, Any]:
        if not self._structured:
            return {}
        return {"response_format": {"type": "json_schema", "json_schema": {
            "name": "perfaudit_findings", "strict": True, "schema": answer_schema()}}}

    def complete(self, prompt: Prompt) -> Reply:
        """Ask for the answer as JSON matching the answer schema."""
        messages = [{"role": "system", "content": prompt.system},
                    {"role": "user", "content": prompt.user}]
        try:
            opened = self._client.chat.completions.with_streaming_response.create(
                model=self.model, messages=messages, **self._limit, **self._format())
        except Exception as exc:
            raise _sdk_error(exc, self._sdk) from exc
        data = _fetch(opened, self._sdk, self._max_tokens)
        choices = _get(data, "choices")
        if not isinstance(choices, list) or not choices:
            raise ProviderError("answer has no choices", retryable=False)
        message = _get(choices[0], "message")
        if _get(message, "refusal"):
            raise ProviderError(f"model refused: {str(_get(message, 'refusal'))[:200]}",
                                retryable=False)
        content = _get(message, "content")
        text = content if isinstance(content, str) else ""
        usage = _get(data, "usage")
        tokens_in, tokens_out = _int(_get(usage, "prompt_tokens")), _int(_get(usage, "completion_tokens"))
        return Reply(text=text,
                     tokens_in=estimate_tokens(prompt.as_text()) if tokens_in is None else tokens_in,
                     tokens_out=estimate_tokens(text) if tokens_out is None else tokens_out,
                     truncated=_get(choices[0], "finish_reason") == "length")

    def close(self) -> None:
        """Close the HTTP client."""
        self._client.close()


class AnthropicProvider:
    """Anthropic's messages API; the answer comes back as the input of a forced tool call."""

    def __init__(self, spec: ApiSpec) -> None:
        self._sdk = _import("anthropic", "anthropic")
        self.model = spec.model
        self._client = self._sdk.Anthropic(api_key=spec.api_key, base_url=spec.base_url,
                                           timeout=spec.timeout_s, max_retries=0)
        self._max_tokens = spec.max_output_tokens
        self._structured = spec.structured_output

    def _tools(self) -> dict[str, Any]:
        if not self._structured:
            return {}
        tool = {"name": _TOOL, "description": "Report the performance findings of this review.",
                "input_schema": answer_schema()}
        return {"tools": [tool], "tool_choice": {"type": "tool", "name": _TOOL}}

    def complete(self, prompt: Prompt) -> Reply:
        """Ask for the findings through the ``report_findings`` tool (or as JSON text)."""
        try:
            opened = self._client.messages.with_streaming_response.create(
                model=self.model, max_tokens=self._max_tokens, system=prompt.system,
                messages=[{"role": "user", "content": prompt.user}], **self._tools())
        except Exception as exc:
            raise _sdk_error(exc, self._sdk) from exc
        data = _fetch(opened, self._sdk, self._max_tokens)
        usage = _get(data, "usage")
        truncated = _get(data, "stop_reason") == "max_tokens"
        tokens_in = _int(_get(usage, "input_tokens")) or 0
        tokens_out = _int(_get(usage, "output_tokens")) or 0
        content = _get(data, "content")
        blocks = [b for b in content if isinstance(b, dict)] if isinstance(content, list) else []
        for block in blocks:
            if block.get("type") == "tool_use" and block.get("name") == _TOOL:
                return Reply(data=block.get("input"), truncated=truncated, tokens_in=tokens_in,
                             tokens_out=tokens_out)
        text = "".join(str(b.get("text", "")) for b in blocks if b.get("type") == "text")
        return Reply(text=text, truncated=truncated, tokens_in=tokens_in, tokens_out=tokens_out)

    def close(self) -> None:
        """Close the HTTP client."""
        self._client.close()


class CommandProvider:
    """A local command (e.g. a coding agent's CLI) reading the prompt on stdin, printing JSON."""

    def __init__(self, *, name: str, command: tuple[str, ...], timeout_s: float,
                 max_output_tokens: int) -> None:
        if not command:
            raise ProviderUnavailable(f"no command configured for cmd:{name} "
                                      f"(set providers.\"cmd:{name}\".command)")
        if shutil.which(command[0]) is None:
            raise ProviderUnavailable(f"command not found: {command[0]}")
        self.model = name
        self._command = command
        self._timeout = timeout_s
        self._max_tokens = max_output_tokens

    def complete(self, prompt: Prompt) -> Reply:
        """Run the command once."""
        text = prompt.as_text()
        limit = answer_limit(self._max_tokens)
        try:
            done = run_capped(self._command, text, timeout_s=self._timeout, limit=limit)
        except subprocess.TimeoutExpired as exc:
            raise ProviderError(f"command timed out after {self._timeout:g} s", retryable=True) from exc
        except OutputTooLong as exc:
            raise too_long(limit, self._max_tokens) from exc
        except OSError as exc:
            raise ProviderError(f"command failed to start: {exc}", retryable=False) from exc
        if done.returncode != 0:
            tail = done.stderr.strip().splitlines()[-1:] or [""]
            raise ProviderError(f"command exited {done.returncode}: {tail[0][:200]}", retryable=False)
        return Reply(text=done.stdout, tokens_in=estimate_tokens(text),
                     tokens_out=estimate_tokens(done.stdout))

    def close(self) -> None:
        """Nothing to release."""
