"""Small git repositories with known findings, for the fleet tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

GO_FILES = {
    "go.mod": "module example.com/tokens\n\ngo 1.22\n",
    "tokens/source.go": """package tokens

import (
	"net/http"
	"sync"
)

type Source struct {
	mu     sync.Mutex
	client *http.Client
	token  string
	url    string
}

func (s *Source) Token() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.token != "" {
		return s.token, nil
	}
	resp, err := s.client.Get(s.url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	s.token = resp.Header.Get("X-Token")
	return s.token, nil
}
""",
    "tokens/check.go": """package tokens

import "regexp"

func check(s string) bool {
	re := regexp.MustCompile(`^a+$`)
	return re.MatchString(s)
}
""",
    "tokens/handler.go": """package tokens

import "net/http"

var source = &Source{client: http.DefaultClient}

func Handle(w http.ResponseWriter, r *http.Request) {
	_ = check(r.URL.Path)
	tok, _ := source.Token()
	w.Write([]byte(tok))
}
""",
}
GO_COUNTS = {"p0": 1, "p1": 0, "p2": 2}
GO_RULES = {"mutex-held-across-network-call": 1, "regexp-compile-per-call": 1,
            "http-body-not-drained": 1}

PY_FILES = {
    "shop/__init__.py": "",
    "shop/orders.py": """def unique_skus(orders):
    seen = []
    for order in orders:
        if order.sku not in seen:
            seen.append(order.sku)
    return seen
""",
    "shop/api.py": """import time

from aiohttp import web

from shop.orders import unique_skus

routes = web.RouteTableDef()


@routes.get("/skus")
async def skus(request: web.Request) -> web.Response:
    time.sleep(0.1)
    return web.json_response(unique_skus(request.app["orders"]))
""",
}
PY_COUNTS = {"p0": 0, "p1": 2, "p2": 0}
PY_RULES = {"list-membership-in-loop": 1, "time-sleep-in-async": 1}


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` as a fixed author; its output."""
    done = subprocess.run(["git", "-C", str(root), "-c", "user.email=t@t", "-c", "user.name=t",
                           "-c", "init.defaultBranch=main", *args],
                          check=True, capture_output=True, text=True)
    return done.stdout.strip()


def commit_files(root: Path, files: dict[str, str], message: str) -> str:
    """Write ``files`` under ``root`` (a git repository, made if needed), commit; the commit."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if not (root / ".git").exists():
        git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", message)
    return git(root, "rev-parse", "HEAD")
