"""``perfaudit serve`` at the command line: its refusals, and a real server on a free port."""

from __future__ import annotations

import http.client
import select
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from web_history import History

from perfaudit.cli import main
from perfaudit.web.guard import host_name, same_origin
from perfaudit.web.settings import accepted_hosts, is_loopback


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


@pytest.mark.parametrize(("args", "message"), [
    (("--host", "0.0.0.0"), "not a loopback address; pass --allow-remote"),
    (("--host", "example.com"), "not a loopback address"),
    (("--port", "70000"), "Invalid value for '--port'"),
    (("--port", "x"), "Invalid value for '--port'"),
    (("--bogus",), "No such option"),
])
def test_bad_flags_are_one_line_usage_errors(repo: History, capsys: pytest.CaptureFixture[str],
                                             args: tuple[str, ...], message: str) -> None:
    code, _, err = run(capsys, "serve", str(repo.root), *args)
    assert code == 2 and err.count("\n") == 1 and message in err


def test_bad_paths_are_one_line_usage_errors(repo: History, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "serve", str(tmp_path / "missing"))
    assert code == 2 and err.count("\n") == 1 and "no such path" in err
    code, _, err = run(capsys, "serve", str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "no history database at" in err
    assert not (tmp_path / ".perfaudit").exists()  # looking created nothing
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    code, _, err = run(capsys, "serve", str(repo.root), "--db", str(junk))
    assert code == 2 and err.count("\n") == 1 and "is not a perfaudit database" in err


def test_a_missing_web_extra_names_it(repo: History, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "starlette", None)
    code, _, err = run(capsys, "serve", str(repo.root))
    assert code == 2 and err.count("\n") == 1 and "pip install '.[web]'" in err


def test_remote_access_warns_before_listening(repo: History,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    # 192.0.2.1 (TEST-NET-1) is no address of this machine: the bind fails, nothing listens
    code, _, err = run(capsys, "serve", str(repo.root), "--host", "192.0.2.1", "--port", "0",
                       "--allow-remote")
    lines = err.splitlines()
    assert code == 2 and len(lines) == 2
    assert "warning: serving on 192.0.2.1" in lines[0] and "cannot listen on" in lines[1]


@pytest.mark.parametrize(("host", "expected"), [
    ("127.0.0.1", True), ("127.3.2.1", True), ("::1", True), ("[::1]", True),
    ("localhost", True), ("LOCALHOST", True), ("0.0.0.0", False), ("::", False),
    ("192.168.1.10", False), ("example.com", False),
])
def test_loopback_hosts(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


def test_host_headers_and_origins() -> None:
    from starlette.datastructures import Headers

    assert host_name("[::1]:8000") == "::1" and host_name("LocalHost:1") == "localhost"
    assert host_name("") is None and host_name("a:b:c]") is None
    assert accepted_hosts("127.0.0.2", remote=False) >= {"127.0.0.2", "localhost"}
    assert accepted_hosts("0.0.0.0", remote=True) == frozenset()
    here = {"host": "127.0.0.1:8000"}
    assert same_origin(Headers(here))
    assert same_origin(Headers({**here, "origin": "http://127.0.0.1:8000"}))
    assert not same_origin(Headers({**here, "origin": "http://127.0.0.1:9000"}))
    assert not same_origin(Headers({**here, "origin": "null"}))
    assert not same_origin(Headers({**here, "sec-fetch-site": "same-site"}))


def test_port_zero_picks_a_free_port_and_prints_the_url(repo: History) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "perfaudit", "serve", str(repo.root),
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready and proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith(f"Serving the audits of {repo.root} at http://127.0.0.1:")
        where = urlsplit(line.split(" at ", 1)[1].split()[0])
        assert where.port and where.port != 8000
        for host, status in ((where.netloc, 200), (f"rebound.example:{where.port}", 400)):
            conn = http.client.HTTPConnection("127.0.0.1", where.port, timeout=10)
            conn.request("GET", "/", headers={"Host": host})
            assert conn.getresponse().status == status
            conn.close()
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
