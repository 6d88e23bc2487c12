"""Consolidation: clustering across reviewers, agreement, severity resolution, actions."""

from __future__ import annotations

import random

from perfaudit.consolidate import Policy, agreement_of, consolidate
from perfaudit.consolidate.severity import resolve_severity
from perfaudit.model import Agreement, Category, Finding, Location, Severity


def finding(reviewer: str, line: int, severity: Severity = Severity.P1, *, rule: str | None = None,
            path: str = "a.go", function: str = "F", reason: str = "") -> Finding:
    return Finding(reviewer=reviewer, rule=rule, category=Category.ALLOCATION, severity=severity,
                   title=f"t{line}", problem="p", fix="f",
                   location=Location(path=path, start_line=line, end_line=line, function=function,
                                     snippet=f"s{line}"), severity_reason=reason)


def test_agreement_counts_only_reviewers_that_saw_the_file() -> None:
    assert agreement_of(1, 1) is Agreement.SINGLE
    assert agreement_of(2, 2) is Agreement.ALL
    assert agreement_of(2, 3) is Agreement.MAJORITY
    assert agreement_of(1, 3) is Agreement.SINGLE


def test_cross_reviewer_match_and_order_independence() -> None:
    raw = [finding("rules", 10, rule="r1"), finding("llm", 12, Severity.P0),
           finding("rules", 40, rule="r2", function="G"), finding("llm", 90, function="H")]
    coverage = {"rules": frozenset({"a.go"}), "llm": frozenset({"a.go"})}
    first = consolidate(raw, coverage)
    shuffled = raw[:]
    random.Random(4).shuffle(shuffled)
    assert consolidate(shuffled, coverage) == first
    assert [f.reviewers for f in first] == [("llm", "rules"), ("rules",), ("llm",)]
    top = first[0]
    assert top.agreement is Agreement.ALL and top.number == 1
    assert {v.reviewer: v.severity for v in top.severity_votes} == {"rules": Severity.P1,
                                                                    "llm": Severity.P0}
    assert top.severity is Severity.P0 or "majority" in top.resolution


def test_same_reviewer_findings_never_merge() -> None:
    raw = [finding("rules", 10, rule="r1"), finding("rules", 11, rule="r2")]
    assert len(consolidate(raw, {"rules": frozenset({"a.go"})})) == 2


def test_severity_policies() -> None:
    votes = [finding("a", 1, Severity.P0), finding("b", 1, Severity.P2),
             finding("c", 1, Severity.P2)]
    assert resolve_severity(votes, Policy.MAX)[0] is Severity.P0
    assert resolve_severity(votes, Policy.MAJORITY)[0] is Severity.P2
    context = [finding("a", 1, Severity.P2), finding("b", 1, Severity.P1, reason="in nested loops")]
    severity, why = resolve_severity(context, Policy.EVIDENCE)
    assert severity is Severity.P1 and "nested loops" in why


def test_fingerprints_stable_when_lines_move() -> None:
    before = consolidate([finding("rules", 10, rule="r")], {"rules": frozenset({"a.go"})})
    moved = finding("rules", 30, rule="r")
    moved = Finding(**{**{k: getattr(moved, k) for k in moved.__dataclass_fields__},
                       "location": Location(path="a.go", start_line=30, end_line=30,
                                            function="F", snippet="s10")})
    after = consolidate([moved], {"rules": frozenset({"a.go"})})
    assert before[0].fingerprint == after[0].fingerprint


def test_two_rules_in_one_function_are_two_actions() -> None:
    raw = [finding("rules", 10, rule="r1"), finding("rules", 20, rule="r2")]
    findings = consolidate(raw, {"rules": frozenset({"a.go"})})
    from perfaudit.consolidate import plan_actions

    assert sorted(a.findings for a in plan_actions(findings)) == [(1,), (2,)]
