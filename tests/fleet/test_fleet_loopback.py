"""A local Ray that ``perfaudit fleet`` starts listens on the loopback address only."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
from perfaudit.fleet.dispatch import ray_session
with ray_session(None):
    import ray
    print(sorted({node["NodeManagerAddress"] for node in ray.nodes()}))
"""


def test_a_local_ray_is_given_the_loopback_address() -> None:
    env = {k: v for k, v in os.environ.items() if k != "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "['127.0.0.1']"
