"""Audit configuration: ``[tool.perfaudit]`` or ``perfaudit.toml``, overridden by CLI flags."""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from perfaudit import codec, installation
from perfaudit.config_check import Checked, InvalidSettings, validated
from perfaudit.errors import ConfigError
from perfaudit.model import Severity
from perfaudit.wording import plural

DEFAULT_FORMATS = ("md", "json", "sarif")
DEFAULT_MAX_FILE_BYTES = 1_000_000
DEFAULT_KEY_ENV = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}

# TOML has real booleans and integers: a quoted "yes" or "4", or 1.5 for a count, is a mistake to
# report, not something to coerce
Count = Annotated[int, Checked(ge=0)]
Positive = Annotated[int, Checked(ge=1)]
Amount = Annotated[float, Checked(ge=0, finite=True)]
Seconds = Annotated[float, Checked(gt=0, finite=True)]
Flag = Annotated[bool, Checked()]
NonEmpty = Annotated[tuple[str, ...], Checked(strict=False, min_length=1)]
_FORBID_EXTRA: dict[str, Any] = {"extra": "forbid"}  # pydantic's ConfigDict: unknown keys are errors


@dataclass(frozen=True, slots=True, kw_only=True)
class ProviderSettings:
    """How to reach one LLM reviewer's provider (a ``providers`` entry keyed by name or prefix)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _FORBID_EXTRA

    base_url: str | None = None
    api_key_env: str | None = None
    concurrency: Positive = 4
    timeout_s: Seconds = 120.0
    max_retries: Count = 3
    backoff_s: Amount = 1.0
    price_in_per_mtok: Amount | None = None
    price_out_per_mtok: Amount | None = None
    command: tuple[str, ...] = ()
    max_output_tokens: Positive = 4096
    batch_tokens: Positive = 12_000
    max_file_tokens: Positive = 60_000
    structured_output: Flag = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Everything an audit needs to know, built once by the CLI and passed down."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _FORBID_EXTRA

    formats: NonEmpty = DEFAULT_FORMATS
    output: str | None = None
    fail_on: Severity | None = None
    include_tests: Flag = False
    jobs: Count = 0
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_file_bytes: Positive = DEFAULT_MAX_FILE_BYTES
    reviewers: NonEmpty = ("rules",)
    preview: Flag = False
    show_all: Flag = False
    database: str = ".perfaudit/perfaudit.db"
    cache: Flag = True
    cache_path: str = ".perfaudit/cache.db"
    severity_policy: Literal["max", "majority", "evidence"] = "evidence"
    providers: dict[str, ProviderSettings] = field(default_factory=dict)
    max_cost: Amount | None = None
    dry_run: Flag = False
    # API keys from the environment: never printed, never serialised (the history stores Config,
    # ``plain_settings`` leaves them out)
    credentials: dict[str, str] = field(default_factory=dict, repr=False)


def provider_settings(config: Config, reviewer: str) -> ProviderSettings:
    """Settings for reviewer ``prefix:model``: its own entry, else its prefix's, else defaults."""
    prefix = reviewer.split(":", 1)[0]
    return config.providers.get(reviewer) or config.providers.get(prefix) or ProviderSettings()


def key_env(config: Config, reviewer: str) -> str | None:
    """The environment variable holding ``reviewer``'s API key, if it needs one."""
    settings = provider_settings(config, reviewer)
    return settings.api_key_env or DEFAULT_KEY_ENV.get(reviewer.split(":", 1)[0])


_ALIASES = {"format": "formats"}
# credentials come from the environment and dry runs from the command line, never from a file
_NOT_IN_FILES = {
    "credentials": "API keys are read from the environment, never from a file",
    "dry_run": "a dry run is asked for on the command line (--dry-run)",
}
_SETTINGS = frozenset(f.name for f in fields(Config)) - set(_NOT_IN_FILES)
_PROVIDER_SETTINGS = frozenset(f.name for f in fields(ProviderSettings))
_FLAGS = {"formats": "--format", "reviewers": "--reviewer"}
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_REMEMBERED = 64
"""Validated settings kept per installation (a repository's file and flags, as a user runs)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class _Source:
    """Where file settings came from: the file, and the table inside it when not the top level."""

    path: Path
    table: str = ""

    def __str__(self) -> str:
        return f"{self.path} {self.table}" if self.table else str(self.path)


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key)


def _spelled_like(written: str, name: str) -> str:
    """``name`` (an internal field name) spelled in the style of the key the user wrote."""
    return name if "_" in written else name.replace("_", "-")


def _unknown_key(source: _Source, written: str, where: str, known: frozenset[str]) -> ConfigError:
    internal = written.replace("-", "_")
    if internal in _NOT_IN_FILES and not where:
        return ConfigError(f"{source}: {written} cannot be set in a file: {_NOT_IN_FILES[internal]}")
    candidates = {_spelled_like(written, name) for name in known}
    if not where:
        candidates |= set(_ALIASES)
    close = difflib.get_close_matches(written, sorted(candidates), n=1, cutoff=0.7)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return ConfigError(f"{source}: unknown setting {where}{_toml_key(written)}{hint}")


def _normalise_table(table: dict[str, Any], source: _Source, *, where: str, known: frozenset[str],
                     aliases: dict[str, str], spelled: dict[tuple[str, ...], str],
                     prefix: tuple[str, ...]) -> dict[str, Any]:
    """``table`` with internal field names, recording in ``spelled`` how the user wrote each key."""
    normalised: dict[str, Any] = {}
    written_as: dict[str, str] = {}
    for written, value in table.items():
        internal = written.replace("-", "_")
        internal = aliases.get(internal, internal)
        if internal not in known:
            raise _unknown_key(source, written, where, known)
        if internal in written_as:
            raise ConfigError(f"{source}: {where}{written_as[internal]} and {where}{written} "
                              "set the same thing; keep one")
        written_as[internal] = written
        spelled[(*prefix, internal)] = where + _toml_key(written)
        normalised[internal] = value
    return normalised


def _normalise(table: dict[str, Any], source: _Source) -> tuple[dict[str, Any], dict[tuple[str, ...], str]]:
    """File settings under internal names, and each internal key path mapped to the key as written."""
    spelled: dict[tuple[str, ...], str] = {}
    settings = _normalise_table(table, source, where="", known=_SETTINGS, aliases=_ALIASES,
                                spelled=spelled, prefix=())
    providers = settings.get("providers")
    if isinstance(providers, dict):
        providers_key = spelled[("providers",)]
        settings["providers"] = {
            name: _normalise_table(entry, source, where=f"{providers_key}.{_toml_key(name)}.",
                                   known=_PROVIDER_SETTINGS, aliases={}, spelled=spelled,
                                   prefix=("providers", name))
            if isinstance(entry, dict) else entry
            for name, entry in providers.items()}
        for name in providers:
            spelled.setdefault(("providers", name), f"{providers_key}.{_toml_key(name)}")
    return settings, spelled


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML in {path}: {exc}") from exc


def _tool_table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """``[tool.perfaudit]`` of a parsed file, None when absent; an error when it is not a table."""
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: `tool` must be a table")
    table = tool.get("perfaudit")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.perfaudit] must be a table")
    return table


def _locate(root: Path, explicit: Path | None) -> tuple[dict[str, Any], _Source | None]:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"config file not found: {explicit}")
        data = _read_toml(explicit)
        table = _tool_table(data, explicit)
        if table is not None:
            return table, _Source(path=explicit, table="[tool.perfaudit]")
        if "tool" in data:
            raise ConfigError(f"{explicit}: no [tool.perfaudit] table")
        return data, _Source(path=explicit)
    standalone = root / "perfaudit.toml"
    if standalone.is_file():
        return _read_toml(standalone), _Source(path=standalone)
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        table = _tool_table(_read_toml(pyproject), pyproject)
        if table is not None:
            return table, _Source(path=pyproject, table="[tool.perfaudit]")
    return {}, None


def find_config_table(root: Path, explicit: Path | None) -> tuple[dict[str, Any], Path | None]:
    """The perfaudit settings table and the file it came from, if any."""
    table, source = _locate(root, explicit)
    return table, source.path if source else None


def _shown(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _problem(error: Mapping[str, Any]) -> str:
    """A pydantic error as a short phrase about the value, in TOML's vocabulary."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind in {"tuple_type", "list_type"}:
        problem = "must be an array"
    elif kind in {"dict_type", "dataclass_type"}:
        problem = "must be a table"
    elif kind in {"int_type", "int_parsing", "int_from_float"}:
        problem = "must be a whole number"
    elif kind in {"float_type", "float_parsing"}:
        problem = "must be a number"
    elif kind in {"bool_type", "bool_parsing"}:
        problem = "must be true or false"
    elif kind == "string_type":
        problem = "must be a string"
    elif kind == "too_short":
        problem = "must not be empty"
    elif kind == "greater_than_equal":
        problem = f"must be at least {ctx['ge']:g}"
    elif kind == "greater_than":
        problem = f"must be more than {ctx['gt']:g}"
    else:
        problem = error["msg"].replace("Input should be", "must be")
    return f"{problem} (got {_shown(error['input'])})" if "input" in error else problem


def _describe(error: Mapping[str, Any], spelled: dict[tuple[str, ...], str],
              overrides: set[str], source: _Source | None) -> str:
    """Where the bad value came from (flag, or file and key as written) and what is wrong with it."""
    loc = error["loc"]
    top = str(loc[0]) if loc else ""
    if top in overrides:
        flag = _FLAGS.get(top, "--" + top.replace("_", "-"))
        return f"option {flag}: {_problem(error)}"
    names = tuple(part for part in loc if isinstance(part, str))
    depth = len(names)
    while depth and names[:depth] not in spelled:
        depth -= 1
    key = spelled[names[:depth]] if depth else ".".join(names)
    key += "".join(f".{_toml_key(part)}" for part in names[depth:])
    key += "".join(f"[{part}]" for part in loc if isinstance(part, int))
    origin = f"{source}: " if source else ""
    return f"{origin}{key}: {_problem(error)}"


def load_config(root: Path, explicit: Path | None, overrides: dict[str, Any]) -> Config:
    """Build the Config: file settings first, then non-None CLI overrides on top."""
    table, source = _locate(root, explicit)
    settings, spelled = _normalise(table, source) if source else ({}, {})
    given = {key: value for key, value in overrides.items() if value is not None}
    settings.update(given)
    key = _settings_key(settings)
    known = _remembered() if key is not None else {}
    if key in known:
        with contextlib.suppress(ValueError):  # what no longer revives is checked again
            return codec.revive(Config, known[key])
    try:
        config = validated(Config, settings)
    except InvalidSettings as exc:
        errors = exc.errors
        more = f" (and {plural(len(errors) - 1, 'more problem')})" if len(errors) > 1 else ""
        raise ConfigError(_describe(errors[0], spelled, set(given), source) + more) from None
    if key is not None and not config.credentials:
        kept = dict(list(known.items())[-(_REMEMBERED - 1):])
        kept.pop(key, None)
        installation.write_compiled("settings", {**kept, key: plain_settings(config)})
    return config


def plain_settings(config: Config) -> dict[str, Any]:
    """The configuration as JSON's types, without its credentials (as the history stores it)."""
    settings: dict[str, Any] = codec.plain(config)
    settings.pop("credentials", None)
    return settings


def _settings_key(settings: Mapping[str, Any]) -> str | None:
    """A digest of settings as given (None when they are not JSON's types, as a TOML date is:
    they are then checked every time)."""
    try:
        text = json.dumps(settings, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError):
        return None
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _remembered() -> dict[str, Any]:
    """The settings this installation validated before, by key, as JSON's types: checking
    settings means importing pydantic, a third of a one-file audit."""
    known = installation.read_compiled("settings")
    return known if isinstance(known, dict) else {}


def with_overrides(config: Config, **changes: Any) -> Config:
    """A copy of ``config`` with some fields replaced."""
    return replace(config, **changes)
