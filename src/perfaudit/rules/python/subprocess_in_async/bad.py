import os
import subprocess


async def git_head(repo):
    done = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True)  # expect: subprocess-in-async
    return done.stdout.decode().strip()


async def convert(src, dst):
    os.system(f"convert {src} {dst}")  # expect: subprocess-in-async
