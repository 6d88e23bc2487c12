"""Credentials in URLs, headers, .netrc lines and random-looking literals are masked; look-alikes stay."""

from __future__ import annotations

import pytest

from perfaudit.reviewers.llm.redact import MASK, looks_random, redact


@pytest.mark.parametrize(("line", "secret", "kept"), [
    ('db = "postgres://user:pass@host/db"', "pass@", 'db = "postgres://user:'),
    ('u := "https://user:ghtok3n99@github.com/org/repo.git"', "ghtok3n99", "@github.com/org/repo.git"),
    ('BROKER = "amqp://guest:guest@rabbit:5672/"', "guest@", "amqp://guest:"),
    ('r := "redis://:s3cret@cache:6379/0"', "s3cret", "redis://:"),
    ('u = "postgres://app:p%40ssw0rd@db/shop"', "p%40ssw0rd", "@db/shop"),
    ('m = "mongodb+srv://admin:p@ss:w0rd@cluster0.example.net/db"', "w0rd", "@cluster0.example.net/db"),
    ('dsn := "shop:Hunter2x@tcp(localhost:3306)/shop"', "Hunter2x", "@tcp(localhost:3306)/shop"),
    ('conn = "host=db user=app password=Sup3rS3cret sslmode=disable"', "Sup3rS3cret", "sslmode"),
    ('"Server=db;Database=shop;Password=Pa55w0rd!;"', "Pa55w0rd", "Server=db;Database=shop;"),
    ('curl = "curl -H \'Authorization: Bearer zzTOKENzz9988\' https://x"', "zzTOKENzz9988",
     "Authorization: Bearer "),
    ('client.headers["X-Up"] = "Bearer abcdEFGH1234ijkl"', "abcdEFGH1234ijkl", "Bearer "),
    ('h = {"Authorization": "Token 9f8e7d6c5b4a"}', "9f8e7d6c5b4a", '{"Authorization": "Token '),
    ('req.Header.Set("Authorization", "Basic dXNlcjpwYXNz")', "dXNlcjpwYXNz",
     'req.Header.Set("Authorization", "Basic '),
    ('req.Header.Add("X-Api-Key", "k-7781-zz")', "k-7781-zz", '"X-Api-Key", "'),
    ("headers['authorization'] = 'tok_9281_abc'", "tok_9281_abc", "headers['authorization'] = '"),
    ('raw = "GET / HTTP/1.1\\r\\nAuthorization: s3cr3t-v4lue\\r\\n"', "s3cr3t-v4lue",
     "\\r\\nAuthorization: "),
    ('NETRC = "machine api.example.com login bob password hunter2"', "hunter2",
     "machine api.example.com login bob password "),
    ("  password n3trcS3cret", "n3trcS3cret", "  password "),
    ('sessionSeed := "Zk8s9dF3qLm2Xv7Pw4Rt6Yb1Nc5Hj0Ga"', "Zk8s9dF3qLm2Xv7Pw4Rt6Yb1Nc5Hj0Ga",
     "sessionSeed := "),
    ('var seed string = "q7Lm2Xv9Pw4Rt6Yb1Nc5Hj0GaZk8s"', "q7Lm2Xv9Pw4Rt6Yb1Nc5Hj0GaZk8s",
     "var seed string = "),
    ("SIGNING_SEED = '3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c'", "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
     "SIGNING_SEED = "),
    ('cfg = {"webhook": "dGhpcyBpcyBhIHJhbmRvbSBrZXkgMTIzNDU2Nzg5MA=="}',
     "dGhpcyBpcyBhIHJhbmRvbSBrZXkgMTIzNDU2Nzg5MA==", '{"webhook": "'),
])
def test_credentials_are_masked_and_their_frame_kept(line: str, secret: str, kept: str) -> None:
    redacted = redact(f"a = 1\n{line}\nb = 2")
    out = redacted.text.split("\n")
    assert len(out) == 3 and out[0] == "a = 1" and out[2] == "b = 2"
    assert secret not in out[1] and MASK in out[1] and kept in out[1]
    assert redacted.lines == (2,)


@pytest.mark.parametrize("line", [
    'x = "http://localhost:8080/path"',
    'base := "https://api.github.com/repos/org/repo/pulls?state=open&per_page=100"',
    'y = "postgres://host/db"',
    'y := "postgres://app@db.internal:5432/shop"',
    'dsn = f"postgres://{user}:{password}@{host}/db"',
    'dsn := fmt.Sprintf("postgres://%s:%s@%s/db", u, p, h)',
    'dsn = "postgres://%(user)s:%(password)s@%(host)s/db" % settings',
    'url = "redis://:${REDIS_PASSWORD}@cache:6379"',
    'doc = "use postgres://user:<password>@host/db"',
    'msg = "This is a perfectly normal sentence about tokens and passwords."',
    'const maxRetries = "three"',
    'q = "SELECT * FROM t WHERE id = %s"',
    'query := "SELECT id, name FROM users WHERE tenant_id = $1 AND created_at > $2"',
    'name = "handleIncomingWebhookRequestForTenant2x"',
    'field := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"',
    'color = "#ff00aa"',
    'ID = "123e4567-e89b-12d3-a456-426614174000"',
    'path := "/usr/local/share/perfaudit/templates/report.html"',
    'mime = "application/x-www-form-urlencoded"',
    'layout := "2006-01-02T15:04:05Z07:00"',
    'kind = "k8sClusterV1Beta1Api2Config3"',
    'req.Header.Set("Authorization", "Bearer "+token)',
    'req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", token))',
    'headers = {"Authorization": f"Bearer {token}"}',
    "def connect(authorization: Optional[str] = None, password=pw):",
    "# Bearer authentication is required for every request",
    "# the password reset link expires after an hour",
    'log.Printf("login %s password %s", user, "***")',
    'if token == "abc":',
])
def test_look_alikes_are_left_alone(line: str) -> None:
    redacted = redact(line)
    assert redacted.text == line and redacted.lines == ()


@pytest.mark.parametrize(("value", "random"), [
    ("Zk8s9dF3qLm2Xv7Pw4Rt6Yb1", True),
    ("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", True),
    ("Zk8s9dF3qLm2Xv7Pw4R", False),  # too short to judge
    ("ConcatPermuteInt16x32Masked", False),
    ("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", False),
    ("20231123000000000000", False),
])
def test_randomness_threshold(value: str, random: bool) -> None:
    assert looks_random(value) is random


def test_many_secrets_keep_every_line() -> None:
    text = "\n".join(['a := "postgres://u:p4ss@h/db"', "", 'b := "Bearer abcdef123456"', "\r",
                      'c := "Zk8s9dF3qLm2Xv7Pw4Rt6Yb1Nc5Hj0Ga"', ""])
    redacted = redact(text)
    assert redacted.text.count("\n") == text.count("\n")
    assert redacted.text.split("\n")[3] == "\r"
    assert redacted.lines == (1, 3, 5)
