"""Configuration files: bounds on every setting, and errors that name keys as the user wrote them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perfaudit import config as config_module
from perfaudit.config import (
    DEFAULT_MAX_FILE_BYTES,
    Config,
    ProviderSettings,
    load_config,
    plain_settings,
)
from perfaudit.errors import EXIT_USAGE, ConfigError
from perfaudit.model import Severity


def _write(root: Path, text: str, name: str = "perfaudit.toml") -> Path:
    path = root / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(root: Path, text: str, name: str = "perfaudit.toml") -> str:
    path = _write(root, text, name)
    with pytest.raises(ConfigError) as caught:
        load_config(root, None, {})
    message = str(caught.value)
    assert caught.value.exit_code == EXIT_USAGE
    assert "\n" not in message
    assert message.startswith(str(path)), message
    return message


@pytest.mark.parametrize(("text", "expected"), [
    ("max-file-bytes = -5", "max-file-bytes: must be at least 1 (got -5)"),
    ("max-file-bytes = 0", "max-file-bytes: must be at least 1 (got 0)"),
    ("max_file_bytes = 0", "max_file_bytes: must be at least 1 (got 0)"),
    ("jobs = -1", "jobs: must be at least 0 (got -1)"),
    ("max-cost = -0.5", "max-cost: must be at least 0 (got -0.5)"),
    ("max-cost = nan", "max-cost: must be a finite number"),
    ("format = []", "format: must not be empty (got [])"),
    ("reviewers = []", "reviewers: must not be empty (got [])"),
    ("[providers.openai]\nconcurrency = 0", "providers.openai.concurrency: must be at least 1 (got 0)"),
    ("[providers.openai]\ntimeout-s = 0", "providers.openai.timeout-s: must be more than 0 (got 0)"),
    ("[providers.openai]\ntimeout_s = inf", "providers.openai.timeout_s: must be a finite number"),
    ("[providers.openai]\nmax-retries = -1", "providers.openai.max-retries: must be at least 0 (got -1)"),
    ("[providers.openai]\nbackoff-s = -1.0", "providers.openai.backoff-s: must be at least 0 (got -1.0)"),
    ("[providers.openai]\nprice_in_per_mtok = -2.0",
     "providers.openai.price_in_per_mtok: must be at least 0 (got -2.0)"),
    ("[providers.openai]\nprice-out-per-mtok = -2",
     "providers.openai.price-out-per-mtok: must be at least 0 (got -2)"),
    ("[providers.openai]\nmax-output-tokens = 0",
     "providers.openai.max-output-tokens: must be at least 1 (got 0)"),
    ("[providers.openai]\nbatch-tokens = 0", "providers.openai.batch-tokens: must be at least 1 (got 0)"),
    ("[providers.openai]\nmax-file-tokens = -1",
     "providers.openai.max-file-tokens: must be at least 1 (got -1)"),
])
def test_numbers_out_of_bounds_are_config_errors(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in _error(tmp_path, text + "\n")


def test_bounds_admit_their_edges(tmp_path: Path) -> None:
    _write(tmp_path, "jobs = 0\nmax-file-bytes = 1\nmax-cost = 0\n"
                     "[providers.openai]\nmax-retries = 0\nbackoff-s = 0\nconcurrency = 1\n")
    config = load_config(tmp_path, None, {})
    assert (config.jobs, config.max_file_bytes, config.max_cost) == (0, 1, 0.0)
    assert config.providers["openai"] == ProviderSettings(max_retries=0, backoff_s=0.0, concurrency=1)


@pytest.mark.parametrize(("text", "expected"), [
    ('format = "md"', 'format: must be an array (got "md")'),
    ('format = ["md", 3]', "format[1]: must be a string (got 3)"),
    ('fail-on = "urgent"', "fail-on: must be 'P0', 'P1' or 'P2' (got \"urgent\")"),
    ('fail_on = "P7"', "fail_on: must be 'P0', 'P1' or 'P2' (got \"P7\")"),
    ('severity-policy = "mean"', "severity-policy: must be 'max', 'majority' or 'evidence' (got \"mean\")"),
    ('jobs = "many"', 'jobs: must be a whole number (got "many")'),
    ('jobs = "4"', 'jobs: must be a whole number (got "4")'),
    ("jobs = 1.5", "jobs: must be a whole number (got 1.5)"),
    ("jobs = true", "jobs: must be a whole number (got true)"),
    ('include-tests = "yes"', 'include-tests: must be true or false (got "yes")'),
    ("preview = 1", "preview: must be true or false (got 1)"),
    ("output = 3", "output: must be a string (got 3)"),
    ("providers = 3", "providers: must be a table (got 3)"),
    ('[providers."openai:gpt-x"]\nconcurrency = "x"',
     'providers."openai:gpt-x".concurrency: must be a whole number (got "x")'),
    ('[providers.cmd]\ncommand = "agent --json"',
     'providers.cmd.command: must be an array (got "agent --json")'),
])
def test_bad_values_name_the_key_as_written(tmp_path: Path, text: str, expected: str) -> None:
    message = _error(tmp_path, text + "\n")
    assert message.endswith(": " + expected), message


@pytest.mark.parametrize(("text", "expected"), [
    ("max_file_byte = 3", "unknown setting max_file_byte (did you mean max_file_bytes?)"),
    ("include-test = true", "unknown setting include-test (did you mean include-tests?)"),
    ('fromat = ["md"]', "unknown setting fromat (did you mean format?)"),
    ("colour = true", "unknown setting colour"),
    ("[providers.openai]\ntimeout = 3", "unknown setting providers.openai.timeout (did you mean timeout-s?)"),
    ('[providers."openai:gpt-x"]\nbase_uri = "x"',
     'unknown setting providers."openai:gpt-x".base_uri (did you mean base_url?)'),
])
def test_unknown_keys_are_errors_with_a_suggestion(tmp_path: Path, text: str, expected: str) -> None:
    message = _error(tmp_path, text + "\n")
    assert message.endswith(": " + expected), message


def test_unknown_key_far_from_any_setting_has_no_suggestion(tmp_path: Path) -> None:
    assert "did you mean" not in _error(tmp_path, "colour = true\n")


@pytest.mark.parametrize(("text", "expected"), [
    ("dry-run = true", "dry-run cannot be set in a file: a dry run is asked for on the command line"),
    ('credentials = {OPENAI_API_KEY = "sk-x"}', "credentials cannot be set in a file: API keys are read"),
    ('format = ["md"]\nformats = ["json"]', "format and formats set the same thing; keep one"),
    ("max-file-bytes = 5\nmax_file_bytes = 6", "max-file-bytes and max_file_bytes set the same thing"),
])
def test_settings_a_file_cannot_hold(tmp_path: Path, text: str, expected: str) -> None:
    message = _error(tmp_path, text + "\n")
    assert expected in message
    assert "sk-x" not in message


def test_pyproject_errors_name_the_table(tmp_path: Path) -> None:
    message = _error(tmp_path, "[tool.perfaudit]\nmax-file-bytes = -5\n", "pyproject.toml")
    assert message == (f"{tmp_path / 'pyproject.toml'} [tool.perfaudit]: "
                       "max-file-bytes: must be at least 1 (got -5)")


@pytest.mark.parametrize(("text", "expected"), [
    ("[tool]\nperfaudit = 3\n", "[tool.perfaudit] must be a table"),
    ("tool = 3\n", "`tool` must be a table"),
])
def test_malformed_pyproject_tables_are_config_errors(tmp_path: Path, text: str, expected: str) -> None:
    assert _error(tmp_path, text, "pyproject.toml").endswith(expected)


def test_pyproject_without_our_table_is_no_config(tmp_path: Path) -> None:
    _write(tmp_path, "[tool.ruff]\nline-length = 100\n", "pyproject.toml")
    assert load_config(tmp_path, None, {}) == Config()


def test_explicit_file_without_our_table_says_so(tmp_path: Path) -> None:
    path = _write(tmp_path, "[tool.ruff]\nline-length = 100\n", "other.toml")
    with pytest.raises(ConfigError, match=r"other\.toml: no \[tool\.perfaudit\] table$"):
        load_config(tmp_path, path, {})


def test_explicit_file_with_our_table(tmp_path: Path) -> None:
    path = _write(tmp_path, "[tool.perfaudit]\nfail-on = 'P1'\njobs = 2\n", "other.toml")
    config = load_config(tmp_path, path, {})
    assert (config.fail_on, config.jobs) == (Severity.P1, 2)


def test_several_problems_are_counted_on_one_line(tmp_path: Path) -> None:
    message = _error(tmp_path, "jobs = -1\nmax-file-bytes = 0\nmax-cost = -1\n")
    assert message.endswith("jobs: must be at least 0 (got -1) (and 2 more problems)")


def test_bad_command_line_value_names_the_flag_not_the_file(tmp_path: Path) -> None:
    _write(tmp_path, "jobs = 2\n")
    with pytest.raises(ConfigError, match=re.escape("option --jobs: must be at least 0 (got -1)")) as caught:
        load_config(tmp_path, None, {"jobs": -1})
    assert "perfaudit.toml" not in str(caught.value)
    with pytest.raises(ConfigError, match=re.escape("option --format: must not be empty")):
        load_config(tmp_path, None, {"formats": ()})


def test_command_line_wins_over_the_file(tmp_path: Path) -> None:
    _write(tmp_path, "max-file-bytes = 10\nfail-on = 'P2'\n")
    config = load_config(tmp_path, None, {"max_file_bytes": 20, "fail_on": None})
    assert (config.max_file_bytes, config.fail_on) == (20, Severity.P2)
    assert load_config(tmp_path / "none", None, {}).max_file_bytes == DEFAULT_MAX_FILE_BYTES


def test_settings_validated_once_are_revived_without_checking_them_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "perfaudit.toml").write_text(
        'select = ["x"]\nfail-on = "P1"\n[providers.openai]\ntimeout-s = 30.5\n')
    first = load_config(tmp_path, None, {"jobs": 2})

    def refuse(*_args: object) -> None:
        raise AssertionError("checked again")

    monkeypatch.setattr(config_module, "validated", refuse)
    assert load_config(tmp_path, None, {"jobs": 2}) == first
    with pytest.raises(AssertionError, match="checked again"):
        load_config(tmp_path, None, {"jobs": 3})  # other settings are checked


def test_a_setting_json_cannot_hold_is_checked_every_time(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "perfaudit.toml").write_text('output = "2026-01-01"\n')
    assert load_config(tmp_path, None, {}).output == "2026-01-01"  # valid, and remembered
    (tmp_path / "perfaudit.toml").write_text("output = 2026-01-01\n")  # a TOML date
    for _ in range(2):
        with pytest.raises(ConfigError, match="output: must be a string"):
            load_config(tmp_path, None, {})


def test_plain_settings_are_pydantic_s_json_without_the_credentials() -> None:
    from pydantic import TypeAdapter

    config = Config(formats=("md",), fail_on=Severity.P1, jobs=3, credentials={"openai": "sk-x"},
                    providers={"openai": ProviderSettings(timeout_s=30.5, command=("a", "b"))})
    expected = TypeAdapter(Config).dump_python(config, mode="json")
    expected.pop("credentials")
    assert plain_settings(config) == expected and "sk-x" not in str(plain_settings(config))
