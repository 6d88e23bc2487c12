from enum import Enum

SUPPORTED_SCHEMES = frozenset(("http", "https", "ws", "wss"))
HANDLERS = []


class Status(Enum):
    OK = "ok"
    ERROR = "error"


STATUS_VALUES = frozenset(s.value for s in Status)


class Span:
    def set_status(self, status):
        if status not in STATUS_VALUES:  # built once at import
            raise ValueError(status)
        self._status = status

    def set_kind(self, kind):
        return kind in {"client", "server", "producer"}  # a literal of constants: folded


def register(handler):
    HANDLERS.append(handler)


def is_registered(name):
    return name in {h.name for h in HANDLERS}  # HANDLERS grows at run time: not a constant


def is_supported(url):
    return url.scheme.lower() in SUPPORTED_SCHEMES


def discounted(listings, rules):
    rule_ids = {rule.id for rule in rules}  # once, before the loop
    return [listing for listing in listings if listing.rule_id in rule_ids]


def check_once(member, assignments):
    return member.id in [a.member_id for a in assignments]  # one test per call on a parameter


def pick(rows):
    for row in rows:
        if row.key in {c.key for c in row.children}:  # depends on the loop variable
            yield row


def renamed(fields, extra):
    for field in fields:
        if field in (f.upper() for f in extra):  # calls a method: not provably invariant
            yield field


def small(kind, a, b):
    return kind in set((a, b))  # a literal source: tiny


SEEN = {s.value for s in Status if "ok" in s.value}  # module level: runs once
