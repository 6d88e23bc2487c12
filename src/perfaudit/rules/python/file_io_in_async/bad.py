import json
import shutil
from pathlib import Path


async def upload(request, storage: Path):
    data = await request.read()
    with open(storage / request.match_info["name"], "wb") as fh:  # expect: file-io-in-async
        fh.write(data)


async def manifest(root: Path):
    return json.loads((root / "manifest.json").read_text())  # expect: file-io-in-async


async def backup(src, dst):
    shutil.copytree(src, dst)  # expect: file-io-in-async
