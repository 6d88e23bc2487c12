"""The implementation plan ranks actions by effort and risk, whatever the risk text holds."""

from __future__ import annotations

import pytest

from perfaudit.model import Action, Severity
from perfaudit.render.plan import risk_rank


def _action(risk: str) -> Action:
    return Action(title="t", severity=Severity.P1, findings=(1,), rationale="r", effort="S",
                  risk=risk, testing="")


@pytest.mark.parametrize(("risk", "rank"), [
    ("Low; the value is immutable.", 0), ("medium: callers change", 1), ("High.", 2),
    ("", 1), ("   ", 1), ("\n\t", 1), ("unclear", 1),
])
def test_risk_rank_reads_the_first_word_and_defaults_to_medium(risk: str, rank: int) -> None:
    assert risk_rank(_action(risk)) == rank
