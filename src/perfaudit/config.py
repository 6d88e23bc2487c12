"""Audit configuration: ``[tool.perfaudit]`` or ``perfaudit.toml``, overridden by CLI flags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import ConfigDict, TypeAdapter, ValidationError, with_config

from perfaudit.errors import ConfigError
from perfaudit.model import Severity

DEFAULT_FORMATS = ("md", "json", "sarif")
DEFAULT_MAX_FILE_BYTES = 1_000_000


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


_FILE_KEYS = (
    {f.name.replace("_", "-") for f in fields(Config)} | {f.name for f in fields(Config)} | {"format"}
)
_ADAPTER: TypeAdapter[Config] = TypeAdapter(Config)


def _normalise_keys(table: dict[str, Any], source: Path) -> dict[str, Any]:
    unknown = sorted(set(table) - _FILE_KEYS)
    if unknown:
        raise ConfigError(f"{source}: unknown setting(s): {', '.join(unknown)}")
    normalised = {key.replace("-", "_"): value for key, value in table.items()}
    if "format" in normalised:
        normalised["formats"] = normalised.pop("format")
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
