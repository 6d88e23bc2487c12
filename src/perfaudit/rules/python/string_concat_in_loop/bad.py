import socket


def read_frame(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        data += sock.recv(size - len(data))  # expect: string-concat-in-loop
    return data


def encode_rows(rows):
    out = bytes()
    for row in rows:
        out += ",".join(row).encode() + b"\n"  # expect: string-concat-in-loop
    return out


class Page:
    def __init__(self):
        self.html = ""

    def render(self, rows):
        for row in rows:
            self.html += "<tr>"  # expect: string-concat-in-loop
            for cell in row:
                self.html += f"<td>{cell}</td>"  # expect: string-concat-in-loop
            self.html += "</tr>"  # expect: string-concat-in-loop


def group_lines(lines, key):
    grouped = {}
    name = key.name
    grouped[name] = ""
    for line in lines:
        grouped[name] += line + "\n"  # expect: string-concat-in-loop
    return grouped


LOG_TEXT = ""


def log_all(events):
    global LOG_TEXT
    for event in events:
        LOG_TEXT += event.message  # expect: string-concat-in-loop
