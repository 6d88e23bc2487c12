import functools
from functools import lru_cache


def price_all(items, rates_client):
    @functools.lru_cache(maxsize=128)  # expect: lru-cache-on-nested-function
    def rate(currency):
        return rates_client.latest(currency)

    return [i.amount * rate(i.currency) for i in items]


class Renderer:
    def render(self, nodes):
        @lru_cache  # expect: lru-cache-on-nested-function
        def style_for(kind):
            return self.theme.lookup(kind)

        return [style_for(n.kind) for n in nodes]
