"""Agreement over the reviewers that saw a file, and grouping findings into actions."""

from __future__ import annotations

from findings_builder import make_finding

from perfaudit.consolidate import consolidate
from perfaudit.consolidate.actions import effort_hours, plan_actions
from perfaudit.model import Agreement, Category, Severity


def test_agreement_counts_only_reviewers_that_saw_the_file() -> None:
    panel = [make_finding("rules", path="a.go"), make_finding("llm", path="a.go"),
             make_finding("rules", path="b.go")]
    coverage = {"rules": frozenset({"a.go", "b.go"}), "llm": frozenset({"a.go", "b.go"}),
                "staticcheck": frozenset()}
    result = consolidate(panel, coverage)
    assert {(f.location.path, f.agreement) for f in result} == {
        ("a.go", Agreement.ALL), ("b.go", Agreement.SINGLE)}
    coverage["staticcheck"] = frozenset({"a.go"})
    assert {f.agreement for f in consolidate(panel, coverage) if f.location.path == "a.go"} == {
        Agreement.MAJORITY}


def test_reviewer_missing_from_coverage_still_counts_as_having_seen_it() -> None:
    panel = [make_finding("rules"), make_finding("llm")]
    result = consolidate(panel, {"rules": frozenset({"a.go"})})
    assert result[0].agreement is Agreement.ALL


def test_consolidated_carries_votes_resolution_and_members() -> None:
    panel = [make_finding("rules", severity=Severity.P2, rule="r", impact="i", effort="S"),
             make_finding("llm", severity=Severity.P1, title="other words")]
    [finding] = consolidate(panel, {}, "max")
    assert finding.rule == "r" and finding.impact == "i"
    assert [(v.reviewer, v.severity) for v in finding.severity_votes] == [
        ("llm", Severity.P1), ("rules", Severity.P2)]
    assert finding.severity is Severity.P1 and "policy: max" in finding.resolution
    assert [m.reviewer for m in finding.members] == ["llm", "rules"]


def _numbered(panel):  # type: ignore[no-untyped-def]
    return consolidate(panel, {})


def test_same_rule_in_same_function_is_one_action() -> None:
    result = _numbered([make_finding("rules", start=5, rule="r", fix="a" * 30),
                        make_finding("rules", start=30, rule="r", fix="b" * 30),
                        make_finding("rules", start=60, rule="r", function="g", fix="c" * 30)])
    actions = plan_actions(result)
    assert sorted(a.findings for a in actions) == [(1, 2), (3,)]


def test_shared_fix_links_findings_in_other_functions() -> None:
    fix = "Cache the graders per spec instead of rebuilding them."
    result = _numbered([make_finding("llm", start=5, function="f", fix=fix),
                        make_finding("llm", start=50, function="g", fix=fix,
                                     category=Category.CACHING),
                        make_finding("llm", path="b.go", start=5, function="g", fix=fix)])
    groups = sorted(a.findings for a in plan_actions(result))
    assert groups == [(1, 2, 3)]  # the same fix in a reviewer's own words, across files
    assert plan_actions(result)[0].title.endswith("— a.go and 1 other file")


def test_a_rules_standard_fix_or_a_generic_one_links_nothing_across_files() -> None:
    standard = "Compile the expression once at package level and reuse it."
    result = _numbered([make_finding("rules", path="a.go", rule="r", fix=standard),
                        make_finding("rules", path="b.go", rule="r", fix=standard)])
    assert sorted(a.findings for a in plan_actions(result)) == [(1,), (2,)]
    generic = "See the tool's documentation for this rule."
    result = _numbered([make_finding("lint", path="a.go", start=5, function="f", fix=generic),
                        make_finding("lint", path="a.go", start=50, function="g",
                                     category=Category.IO, fix=generic)])
    assert sorted(a.findings for a in plan_actions(result)) == [(1,), (2,)]


def test_actions_ordered_by_severity_then_impact_over_effort() -> None:
    result = _numbered([
        make_finding("rules", path="a.go", severity=Severity.P2, effort="S", rule="x"),
        make_finding("rules", path="b.go", severity=Severity.P1, effort="L", rule="x"),
        make_finding("rules", path="c.go", severity=Severity.P1, effort="S", rule="x"),
        make_finding("rules", path="d.go", severity=Severity.P0, effort="L", rule="x"),
    ])
    order = [(a.severity, a.effort) for a in plan_actions(result)]
    assert order == [(Severity.P0, "L"), (Severity.P1, "S"), (Severity.P1, "L"),
                     (Severity.P2, "S")]


def test_effort_hours() -> None:
    assert effort_hours("S (under 1 hour)") == 1.0
    assert effort_hours("M") == 4.0
    assert effort_hours("about 6 hours") == 6.0
    assert effort_hours("Large") == 4.0
    assert effort_hours("") == 4.0


def test_advice_repeated_at_many_sites_is_a_pattern_not_one_change() -> None:
    advice = "Compile the regular expression once at module level."
    result = _numbered([make_finding("llm", path=f"m{n}.py", fix=advice) for n in range(5)])
    assert len(plan_actions(result)) == 5
    few = _numbered([make_finding("llm", path=f"m{n}.py", fix=advice) for n in range(2)])
    assert len(plan_actions(few)) == 1
