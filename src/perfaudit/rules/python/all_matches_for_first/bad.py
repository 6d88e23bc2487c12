import re

LINE_BREAK_RE = re.compile(rb"\r\n|\r|\n")


class MultipartDecoder:
    def next_data(self):
        lines = list(LINE_BREAK_RE.finditer(self.buffer))  # expect: all-matches-for-first
        if len(lines):
            end = lines[-1].start()
            data = bytes(self.buffer[:end])
            del self.buffer[:end]
            return data
        return None


def parse_range(header):
    start, end = re.findall(r"^bytes=(\d*)-(\d*)$", header, re.ASCII)[0]  # expect: all-matches-for-first
    return int(start or 0), int(end) if end else None


def is_placeholder(thumbnail):
    if re.findall(r"/404_processing_[^.?#]+\.png", thumbnail):  # expect: all-matches-for-first
        return True
    return False


def has_marker(source):
    return len(re.findall(r"^\s*# MARK:", source, flags=re.MULTILINE)) > 0  # expect: all-matches-for-first


def last_match(pattern, chunks):
    pattern = re.compile(pattern)
    for chunk in chunks:
        matches = list(pattern.finditer(chunk))  # expect: all-matches-for-first
        if matches:
            return matches[-1].span()
    return None
