import asyncio


async def fetch(url):
    return url


def fetch_all(urls):
    return [asyncio.run(fetch(u)) for u in urls]  # expect: asyncio-run-in-loop


def sync_each(items, push):
    for item in items:
        asyncio.run(push(item))  # expect: asyncio-run-in-loop
