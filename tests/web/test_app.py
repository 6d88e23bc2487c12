"""The web app through starlette's TestClient: pages, filters, escaping, the request guard,
and triage decisions recorded exactly as ``perfaudit triage`` records them."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from web_history import History

from perfaudit.cli import main
from perfaudit.model import Report
from perfaudit.store import connect, history, open_store
from perfaudit.track.triage import TRIAGE_FILE, read_triage
from perfaudit.web.app import create_app
from perfaudit.web.csrf import cookie_name

BASE = "http://127.0.0.1:8000"


def client(repo: History, **changes: object) -> TestClient:
    return TestClient(create_app(repo.settings(**changes)), base_url=BASE,
                      follow_redirects=False)


def report(repo: History, audit_id: str) -> Report:
    conn = connect(repo.database)
    try:
        found = history.load_report(conn, audit_id)
    finally:
        conn.close()
    assert found is not None
    return found


def token(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
    assert found, "no form token on the page"
    return found.group(1)


def by_rule(repo: History, audit_id: str, rule: str, path: str) -> str:
    return next(f.fingerprint for f in report(repo, audit_id).findings
                if f.rule == rule and f.location.path == path)


def test_overview_charts_every_audit_per_severity_and_rule(repo: History) -> None:
    page = client(repo).get("/")
    assert page.status_code == 200
    data = json.loads(re.search(r'id="trend-severity-data">(.*?)</script>', page.text).group(1))
    assert [s["name"] for s in data["series"]] == ["P0", "P1", "P2"]
    assert [s["values"] for s in data["series"]] == [[2, 1, 1], [2, 3, 2], [0, 0, 0]]
    rules = json.loads(re.search(r'id="trend-rule-data">(.*?)</script>', page.text).group(1))
    assert {s["name"]: s["values"] for s in rules["series"]}["time-after-in-loop"] == [2, 3, 2]
    for audit_id in repo.audits:
        assert f'href="/audits/{audit_id}"' in page.text
    assert "2 still present, 1 partial, 1 fixed" in page.text


@pytest.mark.parametrize(("query", "expected"), [
    ("", {"api.go", "poll.go", "drain.go"}),
    ("?severity=P0", {"api.go"}),
    ("?rule=time-after-in-loop", {"poll.go", "drain.go"}),
    ("?status=moved", {"poll.go"}),
    ("?status=fixed&severity=P0", {"api.go"}),
    ("?status=partial", {"drain.go"}),
    ("?reviewer=rules&tier=finding&triage=open", {"api.go", "poll.go", "drain.go"}),
])
def test_filters_narrow_the_findings(repo: History, query: str, expected: set[str]) -> None:
    page = client(repo).get(f"/audits/{repo.audits[0]}{query}")
    assert page.status_code == 200
    shown = set(re.findall(r"<td><code>([a-z]+\.go):\d+</code>", page.text))
    assert shown == expected


def test_a_filter_value_no_finding_has_is_a_bad_request(repo: History) -> None:
    page = client(repo).get(f"/audits/{repo.audits[0]}?severity=P7")
    assert page.status_code == 400 and "no finding of this audit has severity" in page.text


def test_revalidation_view_groups_by_status(repo: History) -> None:
    page = client(repo).get(f"/audits/{repo.audits[0]}/revalidation")
    assert page.status_code == 200
    counts = dict(re.findall(r'<li><span class="status s-([a-z-]+)">[a-z -]+</span> (\d+)</li>',
                             page.text))
    assert counts == {"still-present": "1", "moved": "1", "partial": "1", "fixed": "1",
                      "unknown": "0", "new": "1"}
    assert "moved to poll.go:10 in `PollAll` (was poll.go:10 in `Poll`)" in page.text
    assert client(repo).get(f"/audits/{repo.audits[0]}/revalidation?at=1").status_code == 404
    assert client(repo).get(f"/audits/{repo.audits[1]}/revalidation").status_code == 404


def test_finding_page_shows_code_reviewers_fix_and_history(repo: History) -> None:
    fingerprint = by_rule(repo, repo.audits[1], "string-concat-in-loop", "api.go")
    page = client(repo).get(f"/audits/{repo.audits[1]}/findings/{fingerprint}")
    assert page.status_code == 200
    assert '<tr class="marked"><td class="n">24</td>' in page.text
    # the repository's own text is escaped too
    assert "&lt;script&gt;alert(&#39;names&#39;)&lt;/script&gt;" in page.text
    assert "<script>alert(" not in page.text
    for heading in ("Problem", "Fix", "Effort", "Risk", "Reviewers", "History across audits"):
        assert heading in page.text
    for audit_id in repo.audits:
        assert f"/audits/{audit_id}/findings/{fingerprint}" in page.text
    assert "still at api.go:24 in `Export`" in page.text


def test_a_file_gone_from_disk_is_said_to_be(repo: History) -> None:
    fingerprint = by_rule(repo, repo.audits[0], "time-after-in-loop", "drain.go")
    page = client(repo).get(f"/audits/{repo.audits[0]}/findings/{fingerprint}")
    assert page.status_code == 200
    assert "drain.go is not on disk" in page.text and "The audit quoted:" in page.text
    assert "time.After(2)" in page.text


@pytest.mark.parametrize("path", [
    "/audits/nope", "/audits/nope/revalidation", "/audits/{first}/findings/0000000000000000",
    "/nowhere", "/static/nothing.js",
])
def test_unknown_things_are_not_found(repo: History, path: str) -> None:
    page = client(repo).get(path.format(first=repo.audits[0]))
    assert page.status_code == 404


def _hostile(repo: History, tmp_path: Path) -> tuple[History, str]:
    """A copy of the latest audit whose first finding carries markup everywhere, in a database
    of its own."""
    latest = report(repo, repo.audits[-1])
    first = latest.findings[0]
    evil = "<script>alert(1)</script>"
    location = replace(first.location, function=evil, snippet=evil)
    finding = replace(first, title=evil, problem=evil, fix=evil, rule="</script><script>x()</script>",
                      location=location, references=("javascript:alert(1)",))
    database = tmp_path / "hostile.db"
    conn = open_store(database)
    try:
        history.save_audit(conn, replace(latest, findings=(finding, *latest.findings[1:])), {}, {})
    finally:
        conn.close()
    return replace(repo, database=database, audits=(latest.audit.id,)), first.fingerprint


def test_markup_in_findings_is_escaped_everywhere(repo: History, tmp_path: Path) -> None:
    hostile, fingerprint = _hostile(repo, tmp_path)
    web = client(hostile)
    audit_id = hostile.audits[0]
    for path in ("/", f"/audits/{audit_id}", f"/audits/{audit_id}/findings/{fingerprint}"):
        page = web.get(path)
        assert page.status_code == 200, path
        assert "<script>alert(1)" not in page.text and "<script>x()" not in page.text, path
        assert 'href="javascript:' not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "javascript:alert(1)" not in page.text  # not a link, and not shown as one


def _form(web: TestClient, repo: History, audit_id: str, fingerprint: str) -> dict[str, str]:
    page = web.get(f"/audits/{audit_id}/findings/{fingerprint}")
    return {"csrf_token": token(page.text), "status": "false-positive", "reason": "reviewed: cold",
            "author": "tester"}


def test_posts_without_a_valid_token_are_refused(repo: History) -> None:
    audit_id = repo.audits[-1]
    fingerprint = report(repo, audit_id).findings[0].fingerprint
    url = f"/audits/{audit_id}/findings/{fingerprint}/triage"
    web = client(repo)
    form = _form(web, repo, audit_id, fingerprint)
    assert web.post(url, data={**form, "csrf_token": ""}).status_code == 403
    assert web.post(url, data={**form, "csrf_token": "0" * 64}).status_code == 403
    stranger = client(repo)  # no session cookie: the token is someone else's
    assert stranger.post(url, data=form).status_code == 403
    restarted = client(repo, secret=b"t" * 32)  # another process: old tokens are void
    restarted.cookies.set(cookie_name(b"t" * 32), web.cookies[cookie_name(b"s" * 32)])
    assert restarted.post(url, data=form).status_code == 403
    assert web.post(url, data=form, headers={"origin": "http://evil.example"}).status_code == 403
    assert web.post(url, data=form, headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert not (repo.root / TRIAGE_FILE).exists()
    assert web.post(url, data=form).status_code == 303
    assert [t.fingerprint for t in read_triage(repo.root)] == [fingerprint]


def test_the_session_cookie_is_http_only_and_strict(repo: History) -> None:
    page = client(repo).get("/")
    cookie = page.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "script-src 'self'" in page.headers["content-security-policy"]


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.nip.io", "attacker.localhost.example"])
def test_foreign_host_names_are_refused(repo: History, host: str) -> None:
    page = TestClient(create_app(repo.settings()), base_url=f"http://{host}:8000").get("/")
    assert page.status_code == 400


def test_any_host_name_when_remote_access_is_allowed(repo: History) -> None:
    web = TestClient(create_app(repo.settings(hosts=frozenset())), base_url="http://box.lan:8000")
    assert web.get("/").status_code == 200


def _cli_record(repo: History, fingerprint: str, answers: dict[str, str]) -> str:
    args = ["triage", fingerprint, str(repo.root), "--status", answers["status"],
            "--reason", answers["reason"], "--author", answers["author"]]
    for name in ("until", "severity"):
        if answers.get(name):
            args += [f"--{name}", answers[name]]
    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 0
    text = (repo.root / TRIAGE_FILE).read_text(encoding="utf-8")
    (repo.root / TRIAGE_FILE).unlink()
    return text


@pytest.mark.parametrize("answers", [
    {"status": "false-positive", "reason": "  runs once at start-up ", "author": "ana"},
    {"status": "accepted", "reason": "known; tracked", "author": "bo", "until": "2031-01-31"},
    {"status": "wont-fix", "reason": 'a "quoted" reason\nover two lines', "author": "cy"},
    {"status": "adjudicated", "reason": "hot path", "author": "di", "severity": "P0"},
])
def test_triage_records_what_the_command_line_records(repo: History,
                                                      answers: dict[str, str]) -> None:
    audit_id = repo.audits[-1]
    fingerprint = by_rule(repo, audit_id, "time-after-in-loop", "watch.go")
    expected = _cli_record(repo, fingerprint, answers)
    web = client(repo)
    form = {**_form(web, repo, audit_id, fingerprint), **answers}
    done = web.post(f"/audits/{audit_id}/findings/{fingerprint}/triage", data=form)
    assert done.status_code == 303
    assert done.headers["location"].startswith(f"/audits/{audit_id}/findings/{fingerprint}?")
    assert (repo.root / TRIAGE_FILE).read_text(encoding="utf-8") == expected
    shown = web.get(done.headers["location"])
    assert "Decision recorded" in shown.text and answers["status"] in shown.text


@pytest.mark.parametrize(("change", "message"), [
    ({"status": "adjudicated"}, "overriding the severity (`adjudicated`) needs a severity"),
    ({"severity": "P0"}, "a severity goes with overriding the severity"),
    ({"reason": "   "}, "a triage decision needs a reason"),
    ({"status": "maybe"}, "choose a decision"),
    ({"until": "tomorrow"}, "not a date"),
])
def test_a_bad_answer_shows_the_form_again(repo: History, change: dict[str, str],
                                           message: str) -> None:
    audit_id = repo.audits[-1]
    fingerprint = report(repo, audit_id).findings[0].fingerprint
    web = client(repo)
    form = {**_form(web, repo, audit_id, fingerprint), **change}
    page = web.post(f"/audits/{audit_id}/findings/{fingerprint}/triage", data=form)
    assert page.status_code == 400 and message in page.text
    assert not (repo.root / TRIAGE_FILE).exists()


def test_a_decided_finding_shows_its_decision_in_the_list(repo: History) -> None:
    audit_id = repo.audits[-1]
    fingerprint = by_rule(repo, audit_id, "time-after-in-loop", "watch.go")
    web = client(repo)
    form = _form(web, repo, audit_id, fingerprint)
    assert web.post(f"/audits/{audit_id}/findings/{fingerprint}/triage", data=form).status_code == 303
    page = web.get(f"/audits/{audit_id}?triage=false-positive")
    assert page.status_code == 200
    assert set(re.findall(r"<td><code>([a-z]+\.go):\d+</code>", page.text)) == {"watch.go"}


def test_static_files_include_the_chart_library_and_its_license(repo: History) -> None:
    web = client(repo)
    assert web.get("/static/uPlot.iife.min.js").status_code == 200
    assert "MIT License" in web.get("/static/uPlot.LICENSE").text


def test_an_unreadable_database_is_said_to_be(repo: History, tmp_path: Path) -> None:
    page = client(repo, database=tmp_path).get("/")
    assert page.status_code == 500 and "The history database could not be read" in page.text


def test_a_database_without_this_target_names_the_ones_it_has(repo: History,
                                                             tmp_path: Path) -> None:
    page = client(repo, root=tmp_path).get("/")
    assert page.status_code == 200
    assert "No stored audits of" in page.text and str(repo.root) in page.text
