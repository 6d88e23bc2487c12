import json
import os
from pathlib import Path


def enrich(records, config_dir):
    settings_path = os.path.join(config_dir, "settings.json")
    for rec in records:
        with open(settings_path) as fh:  # expect: file-read-in-loop
            settings = json.load(fh)
        rec["region"] = settings["region"]
    return records


def tag_all(items, base: Path):
    out = []
    for item in items:
        banned = (base / "banned.txt").read_text().split()  # expect: file-read-in-loop
        if item not in banned:
            out.append(item)
    return out


def stamp(docs):
    for doc in docs:
        with open("VERSION") as fh:  # expect: file-read-in-loop
            doc.version = fh.read().strip()
