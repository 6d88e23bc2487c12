"""The staticcheck reviewer against the real tool, when staticcheck and Go are installed."""

from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

import pytest

from perfaudit.config import Config
from perfaudit.discover import discover_files
from perfaudit.reviewers import build_panel
from perfaudit.reviewers.base import ReviewContext

GO = shutil.which("go") or next(iter(sorted(glob.glob("/usr/lib/go-*/bin/go"))), None)
STATICCHECK = shutil.which("staticcheck") or shutil.which("go-staticcheck")
SOURCE = """package svc

import (
\t"strings"
\t"time"
)

func Same(a, b string) bool {
\treturn strings.ToLower(a) == strings.ToLower(b)
}

func Poll(stop chan struct{}) {
\tfor range time.Tick(time.Second) {
\t\tselect {
\t\tcase <-stop:
\t\t\treturn
\t\tdefault:
\t\t}
\t}
}
"""


@pytest.mark.skipif(GO is None or STATICCHECK is None, reason="staticcheck or Go not installed")
def test_real_staticcheck(make_repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    assert GO is not None
    monkeypatch.setenv("PATH", f"{Path(GO).parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("GOCACHE", str(tmp_path / "gocache"))
    monkeypatch.setenv("GOPROXY", "off")
    monkeypatch.setenv("GOFLAGS", "-mod=mod")
    root = make_repo({"go.mod": "module example.com/svc\n\ngo 1.19\n", "svc/svc.go": SOURCE})
    config = Config(reviewers=("staticcheck",))
    reviewer = build_panel(["staticcheck"], config)[0]
    result = reviewer.review(discover_files(root).files, ReviewContext(root=root, config=config))
    assert result.diagnostics == ()
    got = [(f.rule, f.location.path, f.location.start_line, f.location.function)
           for f in result.findings]
    assert got == [("SA6005", "svc/svc.go", 9, "Same"), ("SA1015", "svc/svc.go", 13, "Poll")]
