import urllib.request

import requests


async def fetch_profile(user_id):
    resp = requests.get(f"https://api.example.com/users/{user_id}", timeout=5)  # expect: sync-http-in-async
    return resp.json()


async def download(url):
    with urllib.request.urlopen(url) as fh:  # expect: sync-http-in-async
        return fh.read()
