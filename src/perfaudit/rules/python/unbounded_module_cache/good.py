import functools

_session_cache = {}


def remember(key, value):
    _session_cache[key] = value
    if len(_session_cache) > 1000:
        _session_cache.pop(next(iter(_session_cache)))


@functools.lru_cache(maxsize=1024)
def get_user(user_id):
    return {"id": user_id}


HANDLERS = {}  # a registry filled by decorators at import time, not a cache


def register(name):
    def wrap(fn):
        HANDLERS[name] = fn
        return fn
    return wrap


_memo = {}


def reset():
    global _memo
    _memo = {}


def fib(n):
    if n not in _memo:
        _memo[n] = n if n < 2 else fib(n - 1) + fib(n - 2)
    return _memo[n]


STATIC_CACHE = {"a": 1}  # filled once, never written
