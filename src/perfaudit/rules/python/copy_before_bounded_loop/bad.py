from collections.abc import Mapping

MAX_BREADTH = 10


class Serializer:
    def serialize(self, obj, remaining_breadth=MAX_BREADTH):
        if isinstance(obj, Mapping):
            obj = dict(obj.items())  # expect: copy-before-bounded-loop
            rv = {}
            i = 0
            for k, v in obj.items():
                if remaining_breadth is not None and i >= remaining_breadth:
                    self.annotate(length=len(obj))
                    break
                rv[str(k)] = self.serialize(v)
                i += 1
            return rv
        return obj

    def annotate(self, length):
        self.length = length


def preview(headers, limit=5):
    lines = []
    for n, (name, value) in enumerate(list(headers.items())):  # expect: copy-before-bounded-loop
        if n >= limit:
            lines.append("...")
            break
        lines.append(f"{name}: {value}")
    return lines


def first_keys(cache, limit):
    keys = list(cache.keys())  # expect: copy-before-bounded-loop
    out = []
    for i, key in enumerate(keys):
        if i == limit:
            return out
        out.append(key)
    return out
