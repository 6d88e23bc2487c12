from typing import Optional

import asyncio


class ByteArrayProtocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.body = bytearray()
        self.count = 0

    def data_received(self, data: bytes) -> None:
        self.body += data
        self.count += 1


class FramedProtocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            print(line)


class SlicedParser:
    def __init__(self) -> None:
        self.pending = b""

    def feed(self, data: bytes) -> None:
        self.pending += data
        size = self.pending.find(b"\r\n")
        if size >= 0:
            print(self.pending[:size])
            self.pending = self.pending[size + 2:]


class Counter:
    def __init__(self) -> None:
        self.total = 0
        self.label = ""

    def add(self, n: int) -> None:
        self.total += n


class ChunkList:
    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.size = 0

    def feed(self, data: bytes) -> None:
        self.chunks += [data]
        self.size += len(data)


class Setup:
    def __init__(self, name: str) -> None:
        self.prefix = ""
        self.prefix += name


class Names:
    def __init__(self) -> None:
        self.title = None  # type: Optional[str]

    def add(self, word: str) -> None:
        self.title += word
