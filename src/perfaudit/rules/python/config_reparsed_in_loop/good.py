import json

import yaml


def apply_rules(events, rules_yaml):
    rules = yaml.safe_load(rules_yaml)
    return [e for e in events if e["type"] in rules["types"]]


def decode_lines(lines):
    return [json.loads(line) for line in lines]  # different text each time


def read_stream(sock):
    while True:
        msg = sock.recv()
        if not msg:
            break
        yield json.loads(msg)


def defaults(n):
    return [json.loads('{"a": 1}') for _ in range(n)]  # literal: flagged elsewhere if at all
