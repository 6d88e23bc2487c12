"""Every file in tests/fixtures/fuzz (see its README) must scan cleanly, each in a child process."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import Case, check

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz"
FILES = sorted(p for p in FIXTURES.iterdir() if p.suffix in {".go", ".py"})


def test_there_are_fixtures() -> None:
    assert {p.suffix for p in FILES} == {".go", ".py"}


@pytest.mark.fuzz
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_fixture_scans_cleanly(path: Path, fuzz_dir: Path, save_dir: Path) -> None:
    problems = check([Case(path.name, path.read_bytes(), f"tests/fixtures/fuzz/{path.name}")],
                     fuzz_dir, save_dir)
    if problems:
        pytest.fail("\n".join(p.report() for p in problems), pytrace=False)
