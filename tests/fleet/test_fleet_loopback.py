"""A local Ray that ``perfaudit fleet`` starts listens on the loopback address only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from sockets import listening
before = listening()
from perfaudit.fleet.dispatch import ray_session
with ray_session(None):
    import ray
    nodes = sorted({node["NodeManagerAddress"] for node in ray.nodes()})
    opened = sorted(listening() - before)
print(json.dumps({"nodes": nodes, "opened": opened}))
"""

SOCKETS = '''
def listening():
    """(address, port) of every listening TCP socket on this machine, from /proc."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            if state == "0A":
                address, port = local.split(":")
                found.add((address, int(port, 16)))
    return found
'''

_LOOPBACK = {"0100007F", "00000000000000000000000001000000",
             "0000000000000000FFFF00000100007F"}  # 127.0.0.1, ::1, ::ffff:127.0.0.1 as /proc shows them


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's socket tables")
def test_a_local_ray_listens_on_the_loopback_address_only(tmp_path: Path) -> None:
    (tmp_path / "sockets.py").write_text(SOCKETS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"}
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True,
                          text=True, env=env, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["nodes"] == ["127.0.0.1"]
    assert seen["opened"], "Ray opened no listening socket at all"
    assert all(address in _LOOPBACK for address, _port in seen["opened"]), seen["opened"]
