import functools
from functools import cache, lru_cache


class PriceService:
    def __init__(self, client):
        self.client = client

    @functools.lru_cache(maxsize=1024)  # expect: lru-cache-on-method
    def price(self, sku: str) -> float:
        return self.client.fetch(sku)

    @cache  # expect: lru-cache-on-method
    def currencies(self):
        return self.client.currencies()

    @lru_cache  # expect: lru-cache-on-method
    def tax(self, region):
        return self.client.tax(region)
