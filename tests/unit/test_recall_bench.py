"""The recall benchmark's scoring: best tier of the overlapping items, held-back split."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "recall.py"
_SPEC = importlib.util.spec_from_file_location("recall_bench", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
recall = importlib.util.module_from_spec(_SPEC)
sys.modules["recall_bench"] = recall
_SPEC.loader.exec_module(recall)

ENTRY = {"id": "go-01", "file": "a/b.go", "line_start": 10, "line_end": 12,
         "extra_locations": [{"file": "a/c.go", "line": 40}]}


def _item(path: str, line: int, tier: str) -> dict[str, object]:
    return {"location": {"path": path, "start_line": line, "end_line": line}, "tier": tier}


def test_the_best_tier_among_overlapping_items_counts() -> None:
    assert recall.status(ENTRY, []) == "missed"
    assert recall.status(ENTRY, [_item("a/b.go", 16, "finding")]) == "missed"  # beyond ±3
    assert recall.status(ENTRY, [_item("a/b.go", 15, "unproven")]) == "unproven"
    assert recall.status(ENTRY, [_item("a/b.go", 7, "cold"),
                                 _item("a/c.go", 40, "lead")]) == "lead"
    assert recall.status(ENTRY, [_item("a/b.go", 11, "lead"),
                                 _item("a/b.go", 12, "finding")]) == "finding"
    assert recall.status(ENTRY, [_item("x/b.go", 11, "finding")]) == "missed"


def test_every_third_entry_is_held_back() -> None:
    assert [recall.held_back(i) for i in range(6)] == [False, False, True, False, False, True]


def test_the_table_lists_open_misses_only() -> None:
    rows = [recall.Row(id=f"go-{i}", category="io", detectable="syntactic",
                       held_back=recall.held_back(i), status=status, where="a.go:1", pattern="p")
            for i, status in enumerate(("finding", "missed", "missed", "unproven"))]
    text = recall.table("go", rows)
    assert "| open, syntactic + intra-file | 3 | 1/3 = 33 % | 1/3 = 33 % | 2/3 = 67 % |" in text
    assert "`go-1`" in text and "`go-3`" in text and "`go-2`" not in text
