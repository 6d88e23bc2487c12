def parse_params(s: str):
    while s[:1] == ";":
        s = s[1:]  # expect: reslice-in-loop
        end = s.find(";")
        if end < 0:
            end = len(s)
        yield s[:end].strip()
        s = s[end:]  # expect: reslice-in-loop


def send_chunks(send, data: bytes, size: int) -> None:
    while len(data) > size:
        send(data[:size])
        data = data[size:]  # expect: reslice-in-loop
    send(data)


def drain(items: list, batch: int):
    for _ in range(len(items) // batch):
        yield items[:batch]
        items = items[batch:]  # expect: reslice-in-loop
