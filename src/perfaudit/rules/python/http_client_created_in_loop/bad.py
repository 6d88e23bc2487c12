import aiohttp
import httpx
import requests


def fetch_users(ids):
    out = []
    for uid in ids:
        with requests.Session() as s:  # expect: http-client-created-in-loop
            out.append(s.get(f"https://api.example.com/users/{uid}").json())
    return out


async def ping_all(urls):
    for url in urls:
        async with aiohttp.ClientSession() as session:  # expect: http-client-created-in-loop
            await session.get(url)
    return [httpx.Client(base_url=u) for u in urls]  # expect: http-client-created-in-loop
