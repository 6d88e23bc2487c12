from enum import Enum

SUPPORTED_SCHEMES = ("http", "https", "ws", "wss")


class Status(Enum):
    OK = "ok"
    ERROR = "error"
    CANCELLED = "cancelled"


class Span:
    def set_status(self, status):
        if status not in {s.value for s in Status}:  # expect: collection-rebuilt-for-membership
            raise ValueError(status)
        self._status = status


def is_supported(url):
    return url.scheme.lower() in set(SUPPORTED_SCHEMES)  # expect: collection-rebuilt-for-membership


def discounted(listings, rules):
    return [
        listing
        for listing in listings
        if listing.rule_id in {rule.id for rule in rules}  # expect: collection-rebuilt-for-membership
    ]


def unassigned(members, assignments):
    missing = []
    for member in members:
        if member.id not in [a.member_id for a in assignments]:  # expect: collection-rebuilt-for-membership
            missing.append(member)
    return missing
