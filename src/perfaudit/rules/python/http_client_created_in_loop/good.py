import aiohttp
import requests


def fetch_users(ids):
    with requests.Session() as s:
        return [s.get(f"https://api.example.com/users/{u}").json() for u in ids]


async def ping_all(urls):
    async with aiohttp.ClientSession() as session:
        for url in urls:
            await session.get(url)


def make_client():
    return requests.Session()
