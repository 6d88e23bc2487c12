import time
from time import sleep


async def poll(client, job_id):
    while True:
        status = await client.status(job_id)
        if status.done:
            return status
        time.sleep(1)  # expect: time-sleep-in-async


async def backoff(attempt):
    sleep(2**attempt)  # expect: time-sleep-in-async
