"""Candidate search: anchors in awkward places, kinds walks, remembered parents."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine import candidates as passes
from perfaudit.syntax import query as tsquery
from perfaudit.syntax.node import Root

GO = b"package p\n\nfunc f(xs []int) {\n\tfor _, x := range xs {\n\t\tg(x)\n\t}\n}\n\n// tail\n"


def test_anchor_past_the_last_child_and_inside_a_leaf() -> None:
    root = Root(b"x = 1\n\n\n", Language.PYTHON).tree.root_node
    found = tsquery.anchored(root, b"x = 1\n\n\n", [(("\n\n",), frozenset({"module"}))])
    assert [n.type for n in found[0]] == ["module"]
    go = Root(GO, Language.GO).tree.root_node
    (calls,) = tsquery.anchored(go, GO, [(("g(",), frozenset({"call_expression", "for_statement"}))])
    assert [n.type for n in calls] == ["for_statement", "call_expression"]


def test_anchors_shared_between_requests_and_found_in_any_case() -> None:
    go = Root(GO, Language.GO).tree.root_node
    loops, calls = tsquery.anchored(go, GO, [
        (("RANGE",), frozenset({"for_statement"})),
        (("(?i)RANGE", "g("), frozenset({"for_statement", "call_expression"})),
    ])
    assert loops == []
    assert [n.type for n in calls] == ["for_statement", "call_expression"]


def test_nodes_of_kinds_small_and_large_subtrees_agree() -> None:
    go = Root(GO, Language.GO).tree.root_node
    big = tsquery.nodes_of(go, frozenset({"identifier"}), Language.GO)
    assert [n.text for n in big] == [b"f", b"xs", b"_", b"x", b"xs", b"g", b"x"]
    loop = tsquery.nodes_of(go, frozenset({"for_statement"}), Language.GO)[0]
    assert [n.text for n in tsquery.nodes_of(loop, frozenset({"identifier"}), Language.GO)] == [
        b"_", b"x", b"xs", b"g", b"x"]


def test_parent_of_matches_tree_sitter() -> None:
    go = Root(GO, Language.GO).tree.root_node
    for node in tsquery.nodes_of(go, None, Language.GO):
        assert tsquery.parent_of(node) == node.parent


def test_prefix_anchor_takes_only_nodes_starting_there() -> None:
    source = b"package p\n\nfunc f() {\n\th(g(1))\n}\n"
    root = Root(source, Language.GO).tree.root_node
    (inner,) = tsquery.anchored(root, source, [(("^g(",), frozenset({"call_expression"}))])
    (both,) = tsquery.anchored(root, source, [(("g(",), frozenset({"call_expression"}))])
    assert [n.text for n in inner] == [b"g(1)"]
    assert [n.text for n in both] == [b"h(g(1))", b"g(1)"]


def test_word_prefix_anchor_skips_occurrences_inside_words() -> None:
    source = b"for x in before:\n    format(x)\n"
    root = Root(source, Language.PYTHON).tree.root_node
    (loops,) = tsquery.anchored(root, source, [(("^for",), frozenset({"for_statement"}))])
    assert [n.start_byte for n in loops] == [0]
    spots = list(tsquery._occurrences(source, ["^for", "for"]))
    assert [s for s, _, prefix in spots if prefix] == [0, 21]  # not "before"
    assert len([s for s, _, prefix in spots if not prefix]) == 3


def test_regex_anchor_finds_a_keyword_but_not_the_word_around_it() -> None:
    source = b"if x in xs:\n    print(x)\nfor y in ys:\n    pass\nok = 1in ys\n"
    root = Root(source, Language.PYTHON).tree.root_node
    anchor = "re:(?<![A-Za-z_])in(?![A-Za-z0-9_])"
    assert [s for s, _, _ in tsquery._occurrences(source, [anchor])] == [5, 31, 53]
    (tests,) = tsquery.anchored(root, source, [((anchor,), frozenset({"comparison_operator"}))])
    assert [n.text for n in tests] == [b"x in xs", b"1in ys"]


def test_enclosed_keeps_nodes_within_any_outer_span() -> None:
    source = b"package p\n\nfunc f() {\n\ta()\n\tfor {\n\t\tb(c())\n\t}\n\td()\n}\n"
    root = Root(source, Language.GO).tree.root_node
    calls = tsquery.nodes_of(root, frozenset({"call_expression"}), Language.GO)
    loops = tsquery.nodes_of(root, frozenset({"for_statement"}), Language.GO)
    assert [n.text for n in passes._enclosed(calls, loops)] == [b"b(c())", b"c()"]
    assert passes._enclosed(calls, []) == []
    assert passes._enclosed(calls, [root]) == calls
