"""Matching findings across reviewers."""

from __future__ import annotations

from dataclasses import replace

from findings_builder import make_finding

from perfaudit.consolidate.cluster import cluster, same_problem, title_similarity
from perfaudit.model import Category, Location


def test_overlapping_lines_within_slack_match() -> None:
    a = make_finding("rules", start=10, function=None)
    b = make_finding("llm", start=13, function=None, category=Category.LOOP_INVARIANT_WORK)
    assert same_problem(a, b)
    assert not same_problem(a, make_finding("llm", start=14, function=None))


def test_sharing_a_function_and_category_is_not_one_problem() -> None:
    a = make_finding("rules", start=10, function="f")
    assert not same_problem(a, make_finding("llm", start=40, function="f"))


def test_the_same_construct_quoted_at_other_lines_is_one_problem() -> None:
    call = replace(make_finding("rules", start=25, function="f"), location=Location(
        path="a.go", start_line=25, end_line=25, function="f",
        snippet="regexp.MustCompile(p)"))
    loop = replace(make_finding("llm", start=10, function="f"), location=Location(
        path="a.go", start_line=10, end_line=10, function="f",
        snippet="for _, p := range ps {\n\tre := regexp.MustCompile(p)\n}"))
    assert same_problem(call, loop) and len(cluster([call, loop])) == 1
    short = replace(call, location=replace(call.location, snippet="f()"))
    assert not same_problem(short, replace(loop, location=replace(loop.location,
                                                                   snippet="g(f())")))


def test_never_matches_same_reviewer_or_other_file() -> None:
    a = make_finding("rules")
    assert not same_problem(a, make_finding("rules"))
    assert not same_problem(a, make_finding("llm", path="b.go"))


def test_title_similarity_breaks_ties_between_clusters() -> None:
    concat = make_finding("rules", start=10, rule="string-concat-in-loop",
                          title="string concatenation in a loop")
    regex = make_finding("rules", start=11, rule="regexp-compile-in-loop",
                         title="regexp compiled on every iteration",
                         category=Category.ALLOCATION)
    llm = make_finding("llm", start=10, title="Regexp compiled on each iteration")
    groups = cluster([concat, regex, llm])
    assert sorted(sorted(f.reviewer for f in g) for g in groups) == [["llm", "rules"], ["rules"]]
    pair = next(g for g in groups if len(g) == 2)
    assert {f.rule for f in pair} == {"regexp-compile-in-loop", None}


def test_category_beats_title_when_choosing() -> None:
    io = make_finding("rules", start=10, category=Category.IO, title="read whole file")
    alloc = make_finding("rules", start=10, rule="r", title="other text entirely")
    llm = make_finding("llm", start=10, category=Category.IO, title="other text entirely")
    groups = cluster([io, alloc, llm])
    pair = next(g for g in groups if len(g) == 2)
    assert {f.category for f in pair} == {Category.IO}


def test_duplicates_each_land_in_their_own_cluster() -> None:
    a = make_finding("rules")
    groups = cluster([a, a])
    assert len(groups) == 2 and all(g == [a] for g in groups)


def test_title_similarity_ignores_case_and_spacing() -> None:
    assert title_similarity("Regexp  in loop", "regexp in loop") == 1.0
    assert title_similarity("abc", "xyz") == 0.0


def test_the_same_quote_far_apart_outside_one_function_is_two_places() -> None:
    quote = Location(path="a.go", start_line=10, end_line=10, function=None,
                     snippet="json.Marshal(payload)")
    a = replace(make_finding("rules", start=10, function=None), location=quote)
    b = replace(make_finding("llm", start=400, function=None),
                location=replace(quote, start_line=400, end_line=400))
    assert not same_problem(a, b)
    assert same_problem(a, replace(b, location=replace(b.location, start_line=25, end_line=25)))
