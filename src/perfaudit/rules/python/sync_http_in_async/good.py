import asyncio

import httpx
import requests


async def fetch_profile(client: httpx.AsyncClient, user_id):
    resp = await client.get(f"https://api.example.com/users/{user_id}")
    return resp.json()


async def legacy(url):
    return await asyncio.to_thread(requests.get, url, timeout=5)


def sync_fetch(url):
    return requests.get(url, timeout=5)


async def wrap(url):
    def inner():
        return requests.get(url, timeout=5)  # run in an executor below

    return await asyncio.get_running_loop().run_in_executor(None, inner)
