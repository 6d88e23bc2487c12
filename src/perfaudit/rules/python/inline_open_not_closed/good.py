import contextlib
import csv
import json
import os


def settings(path):
    with open(path) as fh:
        return json.load(fh)


def rows(path):
    with open(path, newline="") as fh:
        yield from csv.reader(fh)


def touch(path):
    open(path, "a").close()  # closed at once


def handle(path):
    fh = open(path)  # bound: the caller of close() is visible to a reader, not to us
    try:
        return fh.read()
    finally:
        fh.close()


def opener(path):
    return open(path, "rb")  # the caller owns the file


def stack(paths):
    with contextlib.ExitStack() as stack:
        files = [stack.enter_context(open(p)) for p in paths]
        return [f.read() for f in files]


def wrapped(path):
    with contextlib.closing(open(path)) as fh:
        return fh.read()


def closed_reader(path):
    reader = FlowReader(open(path, "rb"))
    try:
        return list(reader.stream())
    finally:
        reader.close()


def kept(path, files):
    files.append(open(path))  # stored in a collection, closed by its owner


def descriptor(path):
    return os.open(path, os.O_RDONLY)  # os.open returns a plain int


class Archive:
    def open(self, name):
        return name

    def member(self, name):
        return self.open(name).read()  # a method, not the builtin


def main():
    print(open("VERSION").read())  # start-up: once


if __name__ == "__main__":
    data = json.load(open("config.json"))


VERSION = open(os.path.join(os.path.dirname(__file__), "VERSION")).read()  # import time


class FlowReader:
    def __init__(self, fo):
        self.fo = fo

    def stream(self):
        yield from ()

    def close(self):
        self.fo.close()
