import asyncio
import json
from pathlib import Path

import aiofiles


async def upload(request, storage: Path):
    data = await request.read()
    await asyncio.to_thread((storage / request.match_info["name"]).write_bytes, data)


async def manifest(root: Path):
    async with aiofiles.open(root / "manifest.json") as fh:
        return json.loads(await fh.read())


def load_sync(path):
    with open(path) as fh:
        return fh.read()


async def offload(path):
    return await asyncio.to_thread(lambda: open(path).read())


async def read_async_path(anyio, file):
    return await anyio.Path(file).read_bytes()  # an async Path: awaited, not blocking
