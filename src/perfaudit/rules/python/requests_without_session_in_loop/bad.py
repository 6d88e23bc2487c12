import httpx
import requests


def fetch_users(ids):
    users = []
    for uid in ids:
        resp = requests.get(f"https://api.example.com/users/{uid}", timeout=5)  # expect: requests-without-session-in-loop
        users.append(resp.json())
    return users


def push(events, url):
    return [httpx.post(url, json=e).status_code for e in events]  # expect: requests-without-session-in-loop
