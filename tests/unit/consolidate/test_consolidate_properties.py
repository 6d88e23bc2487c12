"""Invariants of consolidation, checked on generated panels of findings."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from perfaudit.consolidate import consolidate
from perfaudit.consolidate.actions import plan_actions
from perfaudit.consolidate.cluster import cluster
from perfaudit.consolidate.severity import Policy
from perfaudit.model import Category, Finding, Location, Severity

REVIEWERS = ("rules", "openai:m", "anthropic:m")
TITLES = ("regexp compiled in a loop", "string concat in loop", "unbounded map growth",
          "Regexp compiled per iteration", "time.After leaks a timer")


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    start = draw(st.integers(1, 40))
    return Finding(
        reviewer=draw(st.sampled_from(REVIEWERS)),
        rule=draw(st.sampled_from((None, "rule-a", "rule-b"))),
        category=draw(st.sampled_from((Category.ALLOCATION, Category.LEAK, Category.IO,
                                       Category.CORRECTNESS))),
        severity=draw(st.sampled_from(list(Severity))),
        title=draw(st.sampled_from(TITLES)), problem="p",
        fix=draw(st.sampled_from(("", "Compile the expression once at package level."))),
        location=Location(path=draw(st.sampled_from(("a.go", "b.go"))), start_line=start,
                          end_line=start + draw(st.integers(0, 4)),
                          function=draw(st.sampled_from((None, "f", "(*S).g", "main")))),
    )


PANELS = st.lists(findings(), max_size=14)
COVERAGE = {name: frozenset({"a.go", "b.go"}) for name in REVIEWERS}
FAST = settings(max_examples=60, deadline=None)


@FAST
@given(PANELS, st.randoms(use_true_random=False), st.sampled_from(list(Policy)))
def test_order_does_not_matter(panel: list[Finding], rnd, policy: Policy) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(panel)
    rnd.shuffle(shuffled)
    assert consolidate(shuffled, COVERAGE, policy) == consolidate(panel, COVERAGE, policy)


@FAST
@given(PANELS)
def test_consolidating_members_again_gives_the_same_clusters(panel: list[Finding]) -> None:
    once = consolidate(panel, COVERAGE)
    members = [m for finding in once for m in finding.members]
    assert consolidate(members, COVERAGE) == once


@FAST
@given(PANELS)
def test_every_finding_lands_in_exactly_one_cluster(panel: list[Finding]) -> None:
    groups = cluster(panel)
    assert Counter(f for g in groups for f in g) == Counter(panel)
    result = consolidate(panel, COVERAGE)
    assert Counter(m for f in result for m in f.members) == Counter(panel)


@FAST
@given(PANELS)
def test_at_most_one_member_per_reviewer(panel: list[Finding]) -> None:
    for finding in consolidate(panel, COVERAGE):
        names = [m.reviewer for m in finding.members]
        assert len(names) == len(set(names))
        assert finding.reviewers == tuple(sorted(names))
        assert len({m.location.path for m in finding.members}) == 1


@FAST
@given(PANELS, st.sampled_from(list(Policy)))
def test_severity_invariants(panel: list[Finding], policy: Policy) -> None:
    for finding in consolidate(panel, COVERAGE, policy):
        if finding.category is Category.CORRECTNESS:
            assert finding.severity is not Severity.P0
        votes = {v.severity for v in finding.severity_votes}
        if len(votes) > 1:
            assert finding.resolution
        if policy is not Policy.EVIDENCE:
            assert finding.severity in votes or finding.category is Category.CORRECTNESS


@FAST
@given(PANELS)
def test_numbers_and_actions_cover_every_finding_once(panel: list[Finding]) -> None:
    result = consolidate(panel, COVERAGE)
    assert [f.number for f in result] == list(range(1, len(result) + 1))
    actions = plan_actions(result)
    covered = [n for a in actions for n in a.findings]
    assert sorted(covered) == [f.number for f in result]
    ranks = [a.severity.rank for a in actions]
    assert ranks == sorted(ranks)
    assert plan_actions(tuple(reversed(result))) == actions
