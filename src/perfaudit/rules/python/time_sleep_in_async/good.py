import asyncio
import time
from asyncio import sleep


async def poll(client, job_id):
    while True:
        status = await client.status(job_id)
        if status.done:
            return status
        await asyncio.sleep(1)


async def backoff(attempt):
    await sleep(2**attempt)  # asyncio.sleep


def retry_sync(fn):
    time.sleep(1)  # a plain function
    return fn()


async def offload(loop):
    await loop.run_in_executor(None, lambda: time.sleep(1))  # in a worker thread
