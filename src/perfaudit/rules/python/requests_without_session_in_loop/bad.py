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


class LyricsBackend:
    def fetch_url(self, url, **kwargs):
        r = requests.get(url, headers={"User-Agent": "x"}, timeout=10, **kwargs)  # expect: requests-without-session-in-loop
        return r.text if r.ok else None

    def search(self, artist, title):
        return self.fetch_url("https://lyrics.example.com/search", params={"q": title})

    def lyrics(self, url):
        return self.fetch_url(url)


def _api_get(path):
    return requests.get(f"https://api.example.com{path}", timeout=5).json()  # expect: requests-without-session-in-loop


def sync_all(projects):
    for project in projects:
        _api_get(f"/projects/{project}")
