import functools
from functools import cached_property, lru_cache


@lru_cache(maxsize=256)
def parse_sku(sku: str) -> tuple[str, int]:
    prefix, num = sku.split("-")
    return prefix, int(num)


class PriceService:
    def __init__(self, client):
        self.client = client
        self._prices = {}

    @cached_property
    def currencies(self):
        return self.client.currencies()

    @staticmethod
    @functools.lru_cache(maxsize=64)
    def region_code(name: str) -> str:
        return name[:2].upper()

    @classmethod
    @functools.cache
    def default(cls):
        return cls(None)

    @property
    def name(self):
        return "prices"


class CommandManager:
    """One long-lived object: a bounded cache keeps at most 128 entries, so memory stays bounded."""

    @functools.lru_cache(maxsize=128)
    def parse(self, line: str) -> list[str]:
        return line.split()

    @lru_cache
    def lookup(self, name: str) -> str:
        return name.lower()
