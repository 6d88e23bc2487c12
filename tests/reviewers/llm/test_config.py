"""Provider settings in perfaudit.toml and the reviewer registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from perfaudit.config import (
    Config,
    ProviderSettings,
    key_env,
    load_config,
    plain_settings,
    provider_settings,
)
from perfaudit.errors import ConfigError
from perfaudit.reviewers import build_panel


def test_provider_tables_by_name_and_prefix(tmp_path: Path) -> None:
    (tmp_path / "perfaudit.toml").write_text("""
reviewers = ["openai:gpt-a", "openai:gpt-b", "cmd:agent"]
[providers.openai]
price-in-per-mtok = 2.0
api_key_env = "MY_KEY"
[providers."openai:gpt-b"]
base-url = "http://127.0.0.1:8000/v1"
concurrency = 8
[providers."cmd:agent"]
command = ["agent", "--json"]
""", encoding="utf-8")
    config = load_config(tmp_path, None, {"max_cost": 3.0})
    assert provider_settings(config, "openai:gpt-a").price_in_per_mtok == 2.0
    assert provider_settings(config, "openai:gpt-b").concurrency == 8
    assert provider_settings(config, "cmd:agent").command == ("agent", "--json")
    assert provider_settings(config, "anthropic:x") == ProviderSettings()
    assert key_env(config, "openai:gpt-a") == "MY_KEY"
    assert key_env(config, "anthropic:x") == "ANTHROPIC_API_KEY"
    assert key_env(config, "ollama:llama3") is None and config.max_cost == 3.0
    assert [r.name for r in build_panel(config.reviewers, config)] == list(config.reviewers)


@pytest.mark.parametrize(("text", "problem"), [
    ("[providers.openai]\ntimeout = 3\n",
     r"unknown setting providers\.openai\.timeout \(did you mean timeout-s\?\)$"),
    ("[providers.openai]\nconcurrency = \"many\"\n",
     r"providers\.openai\.concurrency: must be a whole number \(got \"many\"\)$"),
    ("[providers.openai]\nconcurrency = 0\n",
     r"providers\.openai\.concurrency: must be at least 1 \(got 0\)$"),
    ("credentials = {OPENAI_API_KEY = \"sk-in-a-file\"}\n",
     r"credentials cannot be set in a file: API keys are read from the environment"),
    ("dry-run = true\n", r"dry-run cannot be set in a file: .*--dry-run"),
])
def test_bad_provider_settings_are_config_errors(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "perfaudit.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem) as caught:
        load_config(tmp_path, None, {})
    assert str(caught.value).startswith(f"{tmp_path / 'perfaudit.toml'}: ")
    assert "sk-in-a-file" not in str(caught.value)


def test_credentials_stay_out_of_repr_and_the_stored_settings() -> None:
    config = Config(credentials={"OPENAI_API_KEY": "sk-secret"})
    assert "sk-secret" not in repr(config)
    assert "sk-secret" not in json.dumps(plain_settings(config))
