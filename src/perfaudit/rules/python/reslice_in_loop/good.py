def send_chunks(send, data: bytes, size: int) -> None:
    view = memoryview(data)
    while len(view) > size:
        send(view[:size])
        view = view[size:]  # a view: no copy
    send(view)


def send_offsets(send, data: bytes, size: int) -> None:
    for pos in range(0, len(data), size):
        send(data[pos:pos + size])


def strip_prefix(path: str, prefix: str) -> str:
    if path.startswith(prefix):
        path = path[len(prefix):]  # once, not in a loop
    return path


def heads(rows: list[str]) -> list[str]:
    out = []
    for row in rows:
        row = row[:80]  # truncates a different value each time
        out.append(row)
    return out


def tails(lines: list[str]) -> list[str]:
    result = []
    for line in lines:
        rest = line[2:]  # a new name from the loop's item
        result.append(rest)
    return result


def sort_fields(fields: list[str]) -> list[tuple[str, bool]]:
    out = []
    for field in fields:
        name = field
        descending = name.startswith("-")
        if descending:
            name = name[1:]  # a fresh value each iteration, trimmed once
        out.append((name, descending))
    return out


def pages(fetch, count: int, skip: int):
    for number in range(count):
        results = fetch(number)
        if skip:
            results = results[skip:]  # each page sliced once, not carried over
            skip = 0
        yield from results
