"""Secret redaction keeps line numbers and removes every secret-looking value."""

from __future__ import annotations

import pytest

from perfaudit.reviewers.llm.redact import MASK, redact


@pytest.mark.parametrize(("line", "secret"), [
    ('const awsKey = "AKIAIOSFODNN7EXAMPLE"', "AKIAIOSFODNN7EXAMPLE"),
    ('token := "ghp_0123456789abcdefghijABCDEFGHIJ012345"', "ghp_0123456789abcdefghijABCDEFGHIJ012345"),
    ("client = OpenAI(api_key='sk-proj-AbCdEfGhIjKlMnOpQrStUvWx')", "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx"),
    ('slack = "xoxb-123456789012-abcdefghijkl"', "xoxb-123456789012-abcdefghijkl"),
    ('password = "correct-horse-battery-9"', "correct-horse-battery-9"),
    ("'password': 'dsUBXUcI',", "dsUBXUcI"),
    ('oauthClientSecret = "34ddeff2b558a23d38fba8a6de74f086ede1cc0b"',
     "34ddeff2b558a23d38fba8a6de74f086ede1cc0b"),
    ('DB_SECRET: str = "s3cr3t-value"', "s3cr3t-value"),
    ('cfg := Config{APIKey: "abcdef123456"}', "abcdef123456"),
    ('{"api_key": "0123456789abcdef"}', "0123456789abcdef"),
    ('auth_token=`tok_live_123456`', "tok_live_123456"),
])
def test_secrets_are_masked(line: str, secret: str) -> None:
    redacted = redact(f"x = 1\n{line}\ny = 2\n")
    assert secret not in redacted.text and MASK in redacted.text
    assert redacted.lines == (2,)


@pytest.mark.parametrize("line", [
    'name := "tokenizer"',
    'log.Printf("token expired: %v", err)',
    "password = os.environ['DB_PASSWORD']",
    'secret := r.Header.Get("X-Secret")',
    'title = "The secret garden"',
    'PASSWORD_RESET = "password_reset"',
    'const tokenUser = "x-access-token"',
    'JWT_REFRESH_TOKEN_COOKIE_NAME = "refreshToken"',
    'DefaultTokenPath = "/var/run/secrets/azure/tokens/azure-identity-token"',
    'grantType = "urn:ietf:params:oauth:grant-type:token-exchange"',
    "token_url = 'https://{}/{}/desktop/{}'.format(",
])
def test_ordinary_code_is_left_alone(line: str) -> None:
    assert redact(line).text == line


def test_private_key_block_keeps_its_lines() -> None:
    text = "a\nkey = '''\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\nAAAA\n" \
           "-----END OPENSSH PRIVATE KEY-----\n'''\nz\n"
    redacted = redact(text)
    assert redacted.text.count("\n") == text.count("\n")
    assert "b3BlbnNzaC1rZXk" not in redacted.text and "BEGIN" not in redacted.text
    assert redacted.lines == (3, 4, 5, 6)
    assert redacted.text.split("\n")[7] == "z"
