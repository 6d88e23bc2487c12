import os


def enrich(records, config_dir):
    with open(os.path.join(config_dir, "settings.json")) as fh:
        settings = fh.read()
    for rec in records:
        rec["settings"] = settings
    return records


def load_all(paths):
    return [open(p).read() for p in paths]  # a different file each time


def sizes(root, names):
    for name in names:
        with open(os.path.join(root, name)) as fh:  # depends on the loop variable
            yield len(fh.read())


def append_log(path, lines):
    for line in lines:
        with open(path, "a") as fh:  # appending: writing, not re-reading
            fh.write(line)


def follow(path):
    while True:
        path = next_path(path)
        with open(path) as fh:
            yield fh.read()


def next_path(p):
    return p


def fixtures(cases):
    for name, expected in cases:
        with open(f"./testdata/{name}.m3u8", encoding="utf-8") as fh:  # f-string on the loop variable
            assert fh.read() == expected


def wait_for_options(path, time, timeout):
    end = time.time() + timeout
    while time.time() < end:  # polling until the file is complete
        with open(path, "rb") as fh:
            data = fh.read()
        if data:
            return data
    return None
