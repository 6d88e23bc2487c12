import copy
from copy import deepcopy

TEMPLATE = {"status": "new", "tags": [], "meta": {"source": "import"}}


def build_rows(records):
    rows = []
    for rec in records:
        row = copy.deepcopy(TEMPLATE)  # expect: deepcopy-in-loop
        row["id"] = rec.id
        rows.append(row)
    return rows


def snapshot_all(states):
    return [deepcopy(s) for s in states]  # expect: deepcopy-in-loop
