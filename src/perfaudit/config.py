"""Audit configuration: ``[tool.perfaudit]`` or ``perfaudit.toml``, overridden by CLI flags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, TypeAdapter, ValidationError, with_config

from perfaudit.errors import ConfigError
from perfaudit.model import Severity

DEFAULT_FORMATS = ("md", "json", "sarif")
DEFAULT_MAX_FILE_BYTES = 1_000_000
DEFAULT_KEY_ENV = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}


@with_config(ConfigDict(extra="forbid"))
@dataclass(frozen=True, slots=True, kw_only=True)
class ProviderSettings:
    """How to reach one LLM reviewer's provider (a ``providers`` entry keyed by name or prefix)."""

    base_url: str | None = None
    api_key_env: str | None = None
    concurrency: int = 4
    timeout_s: float = 120.0
    max_retries: int = 3
    backoff_s: float = 1.0
    price_in_per_mtok: float | None = None
    price_out_per_mtok: float | None = None
    command: tuple[str, ...] = ()
    max_output_tokens: int = 4096
    batch_tokens: int = 12_000
    max_file_tokens: int = 60_000
    structured_output: bool = True


@with_config(ConfigDict(extra="forbid"))
@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Everything an audit needs to know, built once by the CLI and passed down."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    output: str | None = None
    fail_on: Severity | None = None
    include_tests: bool = False
    jobs: int = 0
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    reviewers: tuple[str, ...] = ("rules",)
    preview: bool = False
    database: str = ".perfaudit/perfaudit.db"
    severity_policy: Literal["max", "majority", "evidence"] = "evidence"
    providers: dict[str, ProviderSettings] = field(default_factory=dict)
    max_cost: float | None = None
    dry_run: bool = False
    # API keys from the environment: never printed, never serialised (the history stores Config)
    credentials: Annotated[dict[str, str], Field(exclude=True)] = field(default_factory=dict, repr=False)


def provider_settings(config: Config, reviewer: str) -> ProviderSettings:
    """Settings for reviewer ``prefix:model``: its own entry, else its prefix's, else defaults."""
    prefix = reviewer.split(":", 1)[0]
    return config.providers.get(reviewer) or config.providers.get(prefix) or ProviderSettings()


def key_env(config: Config, reviewer: str) -> str | None:
    """The environment variable holding ``reviewer``'s API key, if it needs one."""
    settings = provider_settings(config, reviewer)
    return settings.api_key_env or DEFAULT_KEY_ENV.get(reviewer.split(":", 1)[0])


# credentials come from the environment and dry runs from the command line, never from a file
_FILE_KEYS = (
    {f.name.replace("_", "-") for f in fields(Config)} | {f.name for f in fields(Config)} | {"format"}
) - {"credentials", "dry-run", "dry_run"}
_ADAPTER: TypeAdapter[Config] = TypeAdapter(Config)


def _normalise_keys(table: dict[str, Any], source: Path) -> dict[str, Any]:
    unknown = sorted(set(table) - _FILE_KEYS)
    if unknown:
        raise ConfigError(f"{source}: unknown setting(s): {', '.join(unknown)}")
    normalised = {key.replace("-", "_"): value for key, value in table.items()}
    if "format" in normalised:
        normalised["formats"] = normalised.pop("format")
    if isinstance(normalised.get("providers"), dict):
        normalised["providers"] = {
            name: {k.replace("-", "_"): v for k, v in entry.items()} if isinstance(entry, dict) else entry
            for name, entry in normalised["providers"].items()}
    return normalised


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML in {path}: {exc}") from exc


def find_config_table(root: Path, explicit: Path | None) -> tuple[dict[str, Any], Path | None]:
    """The perfaudit settings table and the file it came from, if any."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"config file not found: {explicit}")
        data = _read_toml(explicit)
        table = data.get("tool", {}).get("perfaudit", data)
        return dict(table), explicit
    standalone = root / "perfaudit.toml"
    if standalone.is_file():
        return _read_toml(standalone), standalone
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        table = _read_toml(pyproject).get("tool", {}).get("perfaudit")
        if isinstance(table, dict):
            return table, pyproject
    return {}, None


def load_config(root: Path, explicit: Path | None, overrides: dict[str, Any]) -> Config:
    """Build the Config: file settings first, then non-None CLI overrides on top."""
    table, source = find_config_table(root, explicit)
    settings = _normalise_keys(table, source) if source else {}
    settings.update({key: value for key, value in overrides.items() if value is not None})
    try:
        return _ADAPTER.validate_python(settings)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        origin = f"{source}: " if source else ""
        raise ConfigError(f"{origin}invalid setting {where!r}: {first['msg']}") from exc


def with_overrides(config: Config, **changes: Any) -> Config:
    """A copy of ``config`` with some fields replaced."""
    return replace(config, **changes)
