"""Fleet test fixtures: small git repositories, and Ray kept on the loopback address."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from fleet_helpers import commit_files

# Ray then gives its node the loopback address (as it does on macOS) instead of the machine's
# public one; it reads this when it is imported, so it is set before any test imports it
os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")


@pytest.fixture
def make_git_repo(tmp_path: Path) -> Callable[[str, dict[str, str]], Path]:
    """A committed git repository named ``name`` under the test's directory."""

    def build(name: str, files: dict[str, str]) -> Path:
        root = tmp_path / name
        commit_files(root, files, "first")
        return root

    return build
