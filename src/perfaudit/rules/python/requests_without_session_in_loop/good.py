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


def download(url, dest):
    resp = requests.get(url, timeout=30)  # called once, from main
    dest.write_bytes(resp.content)


def main(argv):
    download(argv[1], argv[2])
    return 0


class Checker:
    def __init__(self, url):
        self.config = requests.get(url, timeout=5).json()  # once per object, from its constructor

    def ping(self):
        return requests.head(self.url, timeout=2).ok  # called from one place, not in a loop

    def run(self):
        return self.ping()


def fetch(url):
    return requests.get(url, timeout=5)  # a method elsewhere named fetch is not this function


class Mirror:
    def refresh(self, urls):
        return [self.fetch(u) for u in urls]

    def fetch(self, url):
        return url
