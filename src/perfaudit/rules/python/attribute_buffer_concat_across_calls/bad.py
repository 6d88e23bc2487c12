from typing import Optional

import asyncio


class LineProtocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.body = b""
        self.done = False

    def data_received(self, data: bytes) -> None:
        self.body += data  # expect: attribute-buffer-concat-across-calls

    def eof_received(self) -> None:
        self.done = True
        handle(self.body)


class TextCollector:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.text = ""

    def feed(self, chunk: str) -> None:
        self.text += chunk  # expect: attribute-buffer-concat-across-calls

    def close(self) -> str:
        out, self.text = self.text, ""
        return out


def handle(body: bytes) -> None:
    print(len(body))


class FrameReader:
    def __init__(self) -> None:
        self._fragments = None  # type: Optional[bytes]

    def on_frame(self, data: bytes, final: bool) -> None:
        if self._fragments is None:
            self._fragments = data
        else:
            self._fragments += data  # expect: attribute-buffer-concat-across-calls
        if final:
            handle(self._fragments)
            self._fragments = None
