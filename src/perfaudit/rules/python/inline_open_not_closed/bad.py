import csv
import json
import subprocess


class FlowStore:
    def load_file(self, path):
        for flow in FlowReader(open(path, "rb")).stream():  # expect: inline-open-not-closed
            self.add(flow.copy())

    def settings(self, path):
        return json.load(open(path))  # expect: inline-open-not-closed

    def rows(self, path):
        self.reader = csv.reader(open(path, newline=""))  # expect: inline-open-not-closed


def banned_words(path):
    return set(open(path).read().split())  # expect: inline-open-not-closed


def tail(path):
    for line in open(path, encoding="utf-8"):  # expect: inline-open-not-closed
        if line.startswith("ERROR"):
            yield line


def save(path, body):
    open(path, "w").write(body)  # expect: inline-open-not-closed


def spawn(cmd):
    return subprocess.Popen(cmd, stdout=open("/dev/null", "w"))  # expect: inline-open-not-closed


def headers(paths):
    return [open(p).readline() for p in paths]  # expect: inline-open-not-closed


class FlowReader:
    def __init__(self, fo):
        self.fo = fo

    def stream(self):
        yield from ()
