"""The ``fuzz`` marker and a working directory shared by the fuzz tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "fuzz: mutated sources through the whole catalogue in child processes "
        "(bounded by PERFAUDIT_FUZZ_EXAMPLES; deselect with -m 'not fuzz')")


@pytest.fixture(scope="session")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where batches are written; files that break the catalogue are kept under ``found/``."""
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="session")
def save_dir(fuzz_dir: Path) -> Path:
    """Where breaking files are copied: ``$PERFAUDIT_FUZZ_SAVE`` if set, else ``fuzz_dir/found``."""
    return Path(os.environ.get("PERFAUDIT_FUZZ_SAVE") or fuzz_dir / "found")
