"""Fixtures of the web app's tests: one real history shared by all, its triage file reset
after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from web_history import History, build_history

from perfaudit.track.triage import TRIAGE_FILE


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> History:
    """Three audits of one repository, the first re-validated (see ``build_history``)."""
    return build_history(tmp_path_factory.mktemp("web"))


@pytest.fixture
def repo(built: History) -> Iterator[History]:
    """The shared history, its triage file removed after each test."""
    yield built
    (built.root / TRIAGE_FILE).unlink(missing_ok=True)
