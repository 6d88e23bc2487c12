"""Providers: OpenAI-compatible and Anthropic servers through their official SDKs, or a local command.

Providers take their model, base URL, key and limits as parameters; none reads the environment.
Each SDK is asked not to retry (``max_retries=0``): ``retry.with_retries`` retries every provider
alike and honours ``Retry-After``.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any, Protocol

from perfaudit.reviewers.llm.batch import estimate_tokens
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


def _import(name: str, extra: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ProviderUnavailable(
            f"the {name!r} package is not installed (pip install 'perfaudit[{extra}]')") from exc


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
            response = self._client.chat.completions.create(
                model=self.model, messages=messages, **self._limit, **self._format())
        except Exception as exc:
            raise _sdk_error(exc, self._sdk) from exc
        if not response.choices:
            raise ProviderError("answer has no choices", retryable=False)
        choice = response.choices[0]
        if getattr(choice.message, "refusal", None):
            raise ProviderError(f"model refused: {choice.message.refusal}", retryable=False)
        text = choice.message.content or ""
        usage = response.usage
        return Reply(text=text,
                     tokens_in=usage.prompt_tokens if usage else estimate_tokens(prompt.as_text()),
                     tokens_out=usage.completion_tokens if usage else estimate_tokens(text),
                     truncated=choice.finish_reason == "length")

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
            response = self._client.messages.create(
                model=self.model, max_tokens=self._max_tokens, system=prompt.system,
                messages=[{"role": "user", "content": prompt.user}], **self._tools())
        except Exception as exc:
            raise _sdk_error(exc, self._sdk) from exc
        usage = response.usage
        truncated = response.stop_reason == "max_tokens"
        tokens = {"tokens_in": usage.input_tokens, "tokens_out": usage.output_tokens}
        for block in response.content:
            if block.type == "tool_use" and block.name == _TOOL:
                return Reply(data=block.input, truncated=truncated, **tokens)
        text = "".join(block.text for block in response.content if block.type == "text")
        return Reply(text=text, truncated=truncated, **tokens)

    def close(self) -> None:
        """Close the HTTP client."""
        self._client.close()


class CommandProvider:
    """A local command (e.g. a coding agent's CLI) reading the prompt on stdin, printing JSON."""

    def __init__(self, *, name: str, command: tuple[str, ...], timeout_s: float) -> None:
        if not command:
            raise ProviderUnavailable(f"no command configured for cmd:{name} "
                                      f"(set providers.\"cmd:{name}\".command)")
        if shutil.which(command[0]) is None:
            raise ProviderUnavailable(f"command not found: {command[0]}")
        self.model = name
        self._command = command
        self._timeout = timeout_s

    def complete(self, prompt: Prompt) -> Reply:
        """Run the command once."""
        text = prompt.as_text()
        try:
            done = subprocess.run(self._command, input=text, capture_output=True, text=True,
                                  timeout=self._timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ProviderError(f"command timed out after {self._timeout:g} s", retryable=True) from exc
        except OSError as exc:
            raise ProviderError(f"command failed to start: {exc}", retryable=False) from exc
        if done.returncode != 0:
            tail = done.stderr.strip().splitlines()[-1:] or [""]
            raise ProviderError(f"command exited {done.returncode}: {tail[0][:200]}", retryable=False)
        return Reply(text=done.stdout, tokens_in=estimate_tokens(text),
                     tokens_out=estimate_tokens(done.stdout))

    def close(self) -> None:
        """Nothing to release."""
