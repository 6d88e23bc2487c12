import asyncio
import subprocess


async def git_head(repo):
    proc = await asyncio.create_subprocess_exec(
        "git", "-C", repo, "rev-parse", "HEAD", stdout=subprocess.PIPE)
    out, _ = await proc.communicate()
    return out.decode().strip()


def sync_head(repo):
    return subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True)


async def threaded(cmd):
    return await asyncio.to_thread(subprocess.run, cmd, check=True)


async def check_error(exc):
    return isinstance(exc, subprocess.CalledProcessError)
