import copy


def build_rows(records):
    return [{"status": "new", "tags": [], "meta": {"source": "import"}, "id": r.id}
            for r in records]


def snapshot(state):
    return copy.deepcopy(state)  # once per call


def shallow(items):
    return [copy.copy(i) for i in items]


class Node:
    def __deepcopy__(self, memo):
        return Node()


def clone(nodes, deepcopy=lambda x: x):
    return [deepcopy(n) for n in nodes]  # a local function, not copy.deepcopy
