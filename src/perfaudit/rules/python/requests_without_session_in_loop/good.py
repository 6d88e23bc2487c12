import httpx
import requests


def fetch_users(ids):
    with requests.Session() as session:
        return [session.get(f"https://api.example.com/users/{u}", timeout=5).json() for u in ids]


def push(events, url):
    with httpx.Client() as client:
        return [client.post(url, json=e).status_code for e in events]


def health(url):
    return requests.get(url, timeout=2).ok  # a single request


def handle(errors):
    for err in errors:
        if isinstance(err, requests.exceptions.Timeout):  # not a request
            return True
    return False


def approvals(history):
    requests = {}  # a local dict that shadows nothing imported here
    for item in history:
        yield requests.get(item["id"])
