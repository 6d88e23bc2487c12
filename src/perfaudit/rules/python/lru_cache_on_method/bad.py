import functools
from functools import cache, lru_cache


class PriceService:
    def __init__(self, client):
        self.client = client

    @functools.lru_cache(maxsize=None)  # expect: lru-cache-on-method
    def price(self, sku: str) -> float:
        return self.client.fetch(sku)

    @cache  # expect: lru-cache-on-method
    def currencies(self):
        return self.client.currencies()

    @lru_cache(None)  # expect: lru-cache-on-method
    def tax(self, region):
        return self.client.tax(region)

    @functools.cache  # expect: lru-cache-on-method
    def rates(self, day):
        return self.client.rates(day)
