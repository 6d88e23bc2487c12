"""A stand-in for a coding agent's CLI: prompt on stdin, recorded findings as JSON on stdout.

usage: agent.py ANSWERS.json [CAPTURE_DIR]
"""

import json
import pathlib
import re
import sys

answers = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
prompt = sys.stdin.read()
if len(sys.argv) > 2:
    capture = pathlib.Path(sys.argv[2])
    capture.mkdir(parents=True, exist_ok=True)
    (capture / f"prompt-{len(list(capture.iterdir()))}.txt").write_text(prompt, encoding="utf-8")
paths = re.findall(r"^### (\S+) \(", prompt, re.MULTILINE)
print(json.dumps({"findings": [f for path in paths for f in answers.get(path, [])]}))
