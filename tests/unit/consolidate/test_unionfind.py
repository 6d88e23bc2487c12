"""Disjoint sets whose root is the smallest index."""

from __future__ import annotations

from perfaudit.consolidate.unionfind import UnionFind


def test_the_smaller_root_is_kept_whatever_the_join_order() -> None:
    sets = UnionFind(6)
    assert sets.union(4, 2) == 2
    assert sets.union(5, 4) == 2
    assert sets.union(3, 1) == 1
    assert sets.union(2, 3) == 1
    assert [sets.find(i) for i in range(6)] == [0, 1, 1, 1, 1, 1]


def test_groups_follow_their_roots_and_keep_item_order() -> None:
    sets = UnionFind(5)
    sets.union(3, 1)
    sets.union(4, 0)
    assert sets.groups("abcde") == [["a", "e"], ["b", "d"], ["c"]]
