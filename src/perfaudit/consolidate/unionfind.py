"""Disjoint sets over the indices ``0..n-1`` whose root is always the smallest index (pure).

Keeping the smallest index as the root makes the grouping independent of the order in which
sets are joined, so callers that sort their items first get the same groups every time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class UnionFind:
    """Disjoint sets of ``0..size-1``; joining two sets keeps the smaller root."""

    __slots__ = ("_parent",)

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, i: int) -> int:
        """The root of ``i``'s set, which is its smallest index."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        """Join the sets of ``a`` and ``b``; the root of the joined set."""
        ra, rb = self.find(a), self.find(b)
        keep, gone = min(ra, rb), max(ra, rb)
        self._parent[gone] = keep
        return keep

    def groups(self, items: Sequence[T]) -> list[list[T]]:
        """``items`` (one per index) grouped by set, sets in order of their roots."""
        grouped: dict[int, list[T]] = {}
        for index, item in enumerate(items):
            grouped.setdefault(self.find(index), []).append(item)
        return list(grouped.values())
