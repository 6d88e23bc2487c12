"""Property: no half-edited source crashes, breaks or unsettles a scan with the whole catalogue.

Seeds are every rule's ``bad``/``good`` example and the bundled examples; mutants delete,
duplicate, cut and truncate them and insert unbalanced quotes and brackets, invalid UTF-8 and
random bytes. Mutants go to child processes in batches (see ``harness``), so a segfault inside
tree-sitter fails this test instead of killing pytest.

``PERFAUDIT_FUZZ_EXAMPLES`` is the number of mutants (default: a budget that suits CI);
``PERFAUDIT_FUZZ_RANDOM=1`` draws new ones each run instead of the same derandomized ones;
``PERFAUDIT_FUZZ_SAVE`` names a directory to keep the files that broke something.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .harness import Case, Problem, check
from .mutate import Mutant, mutants, seed_files

BATCH = 100
EXAMPLES = int(os.environ.get("PERFAUDIT_FUZZ_EXAMPLES") or 3000)
RANDOM = os.environ.get("PERFAUDIT_FUZZ_RANDOM", "") not in {"", "0"}
SEEDS = seed_files()
_SEEN: dict[tuple[tuple[str, bytes], ...], list[Problem]] = {}


def _checked(cases: list[Case], work_dir: Path, save_dir: Path) -> list[Problem]:
    """``check``, remembered for the last batch: Hypothesis replays a failing one to report it."""
    key = tuple((case.name, case.data) for case in cases)
    if key not in _SEEN:
        _SEEN.clear()
        _SEEN[key] = check(cases, work_dir, save_dir)
    return _SEEN[key]


class Batch:
    """Mutants scanned by one child process; printed short, as the failure names the culprits."""

    def __init__(self, mutants: list[Mutant]) -> None:
        self.mutants = mutants

    def __repr__(self) -> str:
        return f"<batch of {len(self.mutants)} mutants>"

    def _repr_pretty_(self, printer: Any, _cycle: bool) -> None:
        printer.text(repr(self))


def test_seeds_cover_both_languages() -> None:
    assert {Path(seed).suffix for seed in SEEDS} == {".go", ".py"}
    assert any(seed.startswith("examples/") for seed in SEEDS)


@pytest.mark.fuzz
@settings(max_examples=max(1, -(-EXAMPLES // BATCH)), derandomize=not RANDOM, database=None,
          deadline=None, phases=(Phase.explicit, Phase.generate), print_blob=False,
          suppress_health_check=(HealthCheck.too_slow, HealthCheck.data_too_large))
@given(batch=st.lists(mutants(SEEDS), min_size=BATCH, max_size=BATCH).map(Batch))
def test_mutants_never_break_the_catalogue(batch: Batch, fuzz_dir: Path, save_dir: Path) -> None:
    cases = [Case(f"m{index:03d}{mutant.suffix}", mutant.build(), mutant.describe())
             for index, mutant in enumerate(batch.mutants)]
    problems = _checked(cases, fuzz_dir, save_dir)
    if problems:
        pytest.fail(f"{len(problems)} mutant(s) broke the catalogue (keep one as a regression test "
                    "by copying it into tests/fixtures/fuzz/):\n"
                    + "\n".join(p.report() for p in problems[:10]), pytrace=False)
