import io


def render_table(rows):
    # a local str holding the only reference: CPython extends it in place
    html = "<table>"
    for row in rows:
        html += "<tr>"
        for cell in row:
            html += f"<td>{cell}</td>"
        html += "</tr>"
    return html + "</table>"


def to_csv(records):
    out = ""
    for rec in records:
        out += ",".join(rec) + "\n"
    return out


def joined(records):
    text = ""
    for rec in records:
        text = text + rec.name  # also extended in place for a local
    return text


def render_parts(rows):
    parts = ["<table>"]
    for row in rows:
        parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>")
    parts.append("</table>")
    return "".join(parts)


def total(items):
    count = 0
    for item in items:
        count += item.qty  # an int
    return count


def collect(batches):
    rows = []
    for batch in batches:
        rows += batch  # list extend, in place
    return rows


def read_all(chunks):
    buf = bytearray()
    for chunk in chunks:
        buf += chunk  # bytearray grows in place
    return bytes(buf)


def to_csv_buffer(records):
    buf = io.StringIO()
    for rec in records:
        buf.write(",".join(rec) + "\n")
    return buf.getvalue()


def greeting(name):
    text = b"Hello, "
    text += name.encode()  # once, not in a loop
    return text


def mark_all(nodes):
    for node in nodes:
        node.label += "*"  # a different object each iteration, not an accumulator


class Counter:
    def __init__(self):
        self.hits = 0

    def record(self, events):
        for _ in events:
            self.hits += 1  # an int attribute


def frames(packets):
    out = []
    for packet in packets:
        header = b""  # a fresh value per item: bounded, not an accumulator
        header += packet.kind
        out.append(header)
    return out


def summary(data):
    text = b""
    for field in ("source", "embed", "caption"):  # three iterations
        text += getattr(data, field, b"")
    return text
