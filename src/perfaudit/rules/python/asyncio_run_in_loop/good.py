import asyncio


async def fetch(url):
    return url


async def fetch_many(urls):
    return await asyncio.gather(*(fetch(u) for u in urls))


def fetch_all(urls):
    return asyncio.run(fetch_many(urls))


def sync_each(items, push):
    with asyncio.Runner() as runner:
        for item in items:
            runner.run(push(item))
