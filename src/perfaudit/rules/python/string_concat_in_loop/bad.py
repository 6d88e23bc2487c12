def render_table(rows):
    html = "<table>"
    for row in rows:
        html += "<tr>"  # expect: string-concat-in-loop
        for cell in row:
            html += f"<td>{cell}</td>"  # expect: string-concat-in-loop
        html += "</tr>"  # expect: string-concat-in-loop
    return html + "</table>"


def to_csv(records):
    out = ""
    for rec in records:
        out += ",".join(rec) + "\n"  # expect: string-concat-in-loop
    return out
