"""Severity policies and the reasons they state."""

from __future__ import annotations

import pytest
from findings_builder import make_finding

from perfaudit.consolidate.severity import Policy, resolve_severity, votes_of
from perfaudit.model import Category, Evidence, Severity

P0, P1, P2 = Severity.P0, Severity.P1, Severity.P2


def _votes(*severities: Severity, **extra: object) -> list:  # type: ignore[type-arg]
    return [make_finding(f"r{n}", severity=s, **extra) for n, s in enumerate(severities)]  # type: ignore[arg-type]


@pytest.mark.parametrize(("policy", "votes", "expected"), [
    (Policy.MAX, (P2, P1, P2), P1),
    (Policy.MAJORITY, (P2, P1, P2), P2),
    (Policy.MAJORITY, (P2, P1), P1),
    (Policy.EVIDENCE, (P2, P1, P2), P2),
    (Policy.EVIDENCE, (P0, P2), P1),  # two levels apart, no majority: the middle
    (Policy.MAJORITY, (P0, P2), P0),
])
def test_policies_without_context(policy: Policy, votes: tuple[Severity, ...],
                                  expected: Severity) -> None:
    severity, reason = resolve_severity(_votes(*votes), policy)
    assert severity is expected
    assert f"policy: {policy.value}" in reason


def test_agreement_needs_no_reason() -> None:
    assert resolve_severity(_votes(P1, P1), Policy.EVIDENCE) == (P1, "")


def test_evidence_escalates_for_nested_loops() -> None:
    members = _votes(P2, P1)
    members[1] = make_finding("r1", severity=P1, severity_reason="inside 2 nested loops: cost multiplies")
    assert resolve_severity(members, Policy.EVIDENCE) == (P1, "inside 2 nested loops: cost multiplies")
    assert resolve_severity(members, Policy.MAJORITY)[0] is P1


def test_evidence_escalates_for_per_request_text() -> None:
    members = _votes(P2, P2, P1, problem="Runs on every request to /search.")
    assert resolve_severity(members, Policy.EVIDENCE) == (
        P1, "compounds with request volume (per-request path)")


def test_evidence_raises_hot_code_one_level() -> None:
    hot = Evidence(kind="profile", summary="31 % CPU samples (cumulative), 12 % flat in f")
    members = _votes(P1, P1, evidence=(hot,))
    assert resolve_severity(members, Policy.EVIDENCE) == (P0, "hot in profile: 31% of samples")
    assert resolve_severity(members, Policy.MAX)[0] is P1


def test_evidence_lowers_start_up_code() -> None:
    assert resolve_severity(_votes(P1, P1, function="main"), Policy.EVIDENCE) == (
        P2, "runs once at start-up")
    assert resolve_severity(_votes(P0, P1, function="main", category=Category.LEAK),
                            Policy.EVIDENCE) == (P1, "leak, but the process is short-lived")


def test_start_up_already_lowered_by_rules_is_not_lowered_twice() -> None:
    members = [make_finding("rules", severity=P2, severity_reason="runs once at start-up",
                            function="main"),
               make_finding("llm", severity=P2, function="main")]
    assert resolve_severity(members, Policy.EVIDENCE) == (P2, "runs once at start-up")


def test_cold_profile_takes_the_lower_vote() -> None:
    cold = Evidence(kind="profile", summary="not observed in profile")
    members = _votes(P1, P2, evidence=(cold,))
    assert resolve_severity(members, Policy.EVIDENCE) == (
        P2, "not observed in profile — likely low impact")


@pytest.mark.parametrize("policy", list(Policy))
def test_correctness_is_never_p0(policy: Policy) -> None:
    members = _votes(P0, P0, category=Category.CORRECTNESS)
    assert resolve_severity(members, policy) == (P1, "correctness findings are never ranked P0")


def test_votes_are_in_reviewer_order() -> None:
    votes = votes_of([make_finding("b", severity=P1), make_finding("a", severity=P2)])
    assert [(v.reviewer, v.severity) for v in votes] == [("a", P2), ("b", P1)]


def test_lukewarm_profile_share_does_not_escalate() -> None:
    warm = Evidence(kind="profile", summary="4.5 % CPU samples (cumulative), 1.0 % flat in f")
    assert resolve_severity(_votes(P1, P1, evidence=(warm,)), Policy.EVIDENCE) == (P1, "")


def test_votes_two_levels_apart_without_a_majority_take_the_middle_and_say_why() -> None:
    from perfaudit.model import Severity as S

    for votes in ([S.P0, S.P1, S.P2], [S.P2, S.P0]):
        members = [make_finding(f"r{i}", severity=v) for i, v in enumerate(votes)]
        chosen, reason = resolve_severity(members, Policy.EVIDENCE)
        assert chosen is S.P1
        assert "two levels apart with no majority" in reason and "the middle, P1" in reason
        assert resolve_severity(members, Policy.MAX)[0] is S.P0
    adjacent = [make_finding("a", severity=S.P0), make_finding("b", severity=S.P1)]
    assert resolve_severity(adjacent, Policy.EVIDENCE)[0] is S.P0  # ties between neighbours go up
    majority = [make_finding(f"r{i}", severity=v) for i, v in enumerate([S.P0, S.P2, S.P2])]
    assert resolve_severity(majority, Policy.EVIDENCE)[0] is S.P2
