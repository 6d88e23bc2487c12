"""The app in a real browser: Debian's Chromium driven by Playwright against uvicorn on a
free loopback port. Skipped without /usr/bin/chromium unless PERFAUDIT_REQUIRE_BROWSER=1."""

from __future__ import annotations

import os
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_history import History

from perfaudit.model import TriageStatus
from perfaudit.track.triage import read_triage
from perfaudit.web import server
from perfaudit.web.app import create_app

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("PERFAUDIT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"PERFAUDIT_REQUIRE_BROWSER=1 but there is no {CHROMIUM}")
        pytest.skip(f"no {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def live(built: History) -> Iterator[str]:
    """The app served by uvicorn in a thread; yields its URL."""
    sock = server.bind("127.0.0.1", 0)
    running = server.server(create_app(built.settings()))
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert running.started
    yield server.url(sock)
    running.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page that fails the test on any script error or console error (a CSP violation
    included)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda exc: problems.append(str(exc)))
    opened.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    yield opened
    context.close()
    assert problems == []


def png_colours(data: bytes) -> set[bytes]:
    """The distinct pixel values of an 8-bit RGB or RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", (0, 0, 0, 0, 0, 0, 0)
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, kind_of_colour, _, _, interlace = header
    assert depth == 8 and interlace == 0 and kind_of_colour in (2, 6)
    step = 3 if kind_of_colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * step
    previous, colours = bytearray(stride), set()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            a = line[x - step] if x >= step else 0
            b, c = previous[x], previous[x - step] if x >= step else 0
            if kind == 4:
                p = a + b - c
                guess = min((abs(p - a), 0, a), (abs(p - b), 1, b), (abs(p - c), 2, c))[2]
            else:
                guess = (0, a, b, (a + b) // 2)[kind]
            line[x] = (line[x] + guess) & 0xFF
        colours.update(bytes(line[x:x + step]) for x in range(0, stride, step))
        previous = line
    return colours


def test_the_trend_chart_renders(live: str, page: Page) -> None:
    page.goto(live)
    chart = page.locator("#trend-severity canvas")
    chart.wait_for()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 100
    drawn = page.evaluate("""() => {
        const c = document.querySelector('#trend-severity canvas');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let opaque = 0;
        for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) opaque++; }
        return opaque;
    }""")
    assert drawn > 500
    assert len(png_colours(page.locator("#trend-severity").screenshot())) > 5
    legend = page.locator("#trend-severity .u-legend").inner_text()
    assert "P0" in legend and "P1" in legend


def test_a_false_positive_round_trip(live: str, page: Page, repo: History) -> None:
    page.goto(live)
    page.locator(f'a[href="/audits/{repo.audits[-1]}"]').first.click()
    page.locator("table.findings tr", has_text="watch.go").get_by_role("link").click()
    page.get_by_label("False positive").check()
    page.get_by_label("Reason").fill("runs once per deploy <not hot>")
    page.get_by_role("button", name="Record decision").click()
    page.get_by_text("Decision recorded").wait_for()
    decisions = read_triage(repo.root)
    assert [(d.status, d.reason, d.author, d.path) for d in decisions] == [
        (TriageStatus.FALSE_POSITIVE, "runs once per deploy <not hot>", "tester", "watch.go")]
    assert "runs once per deploy <not hot>" in page.locator("#triage").inner_text()
    page.goto(f"{live}audits/{repo.audits[-1]}")
    page.locator('select[name="triage"]').select_option("false-positive")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**triage=false-positive")
    assert page.locator("table.findings tr").count() == 2  # the header and watch.go
