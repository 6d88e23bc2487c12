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


class Model:
    def model_copy(self, deep=False):
        copied = Model()
        for k, v in self.__dict__.items():
            copied.__dict__[k] = copy.deepcopy(v) if deep else v  # a deep copy is the contract
        return copied

    def __deepcopy__(self, memo):
        new = Model()
        for k, v in self.__dict__.items():
            new.__dict__[k] = copy.deepcopy(v, memo)
        return new
