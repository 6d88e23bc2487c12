import io


def render_table(rows):
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


def to_csv(records):
    buf = io.StringIO()
    for rec in records:
        buf.write(",".join(rec) + "\n")
    return buf.getvalue()


def greeting(name):
    text = "Hello, "
    text += name  # once, not in a loop
    return text


def headers(deps):
    lines = []
    for d in deps:
        header = f"{d.name}"  # a fresh string per item: bounded, not an accumulator
        if d.license:
            header += f" | {d.license}"
        lines.append(header)
    return lines


def summary(data):
    text = ""
    for field in ("source", "embed", "caption"):  # three iterations
        text += getattr(data, field, "")
    return text
