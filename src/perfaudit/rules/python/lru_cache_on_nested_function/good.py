import functools


@functools.lru_cache(maxsize=128)
def rate(currency):
    return currency.upper()


def edit_distance(a, b):
    @functools.cache
    def dist(i, j):  # recursive: the cache is reused within this one call
        if i == 0 or j == 0:
            return i + j
        return min(dist(i - 1, j) + 1, dist(i, j - 1) + 1, dist(i - 1, j - 1) + (a[i - 1] != b[j - 1]))

    return dist(len(a), len(b))


class Service:
    @functools.cached_property
    def config(self):
        return {}


def make_lookup(table):
    @functools.lru_cache(maxsize=None)  # a factory: the returned function keeps its cache
    def lookup(key):
        return table[key]

    return lookup


def passthrough(module, child):
    @functools.cache
    def from_child(attr):
        return getattr(child, attr)

    def __getattr__(attr):  # a closure stored on the module: the cache lives on with it
        return from_child(attr)

    module.__getattr__ = __getattr__
    return module
