# perfaudit-test-version: 3.10


def parse_ints(tokens):
    out = []
    for tok in tokens:
        try:  # expect: try-except-in-loop
            out.append(int(tok))
        except ValueError:
            continue
    return out
