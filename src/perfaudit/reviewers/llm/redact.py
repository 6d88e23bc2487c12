"""Remove secrets from source text before it leaves the machine, keeping every line in place (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

MASK = "[REDACTED]"

_TOKEN_PATTERNS = (
    re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),                       # AWS access key id
    re.compile(r"\bgh[pousr]_[A-Za-z0-9]{20,255}\b"),                   # GitHub tokens
    re.compile(r"\bgithub_pat_[A-Za-z0-9_]{22,255}\b"),                 # GitHub fine-grained tokens
    re.compile(r"\bsk-(?:proj-|ant-)?[A-Za-z0-9_\-]{20,}"),             # OpenAI / Anthropic keys
    re.compile(r"\bxox[abposr]-[A-Za-z0-9\-]{10,}"),                    # Slack tokens
    re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b"),                          # Google API keys
    re.compile(r"\beyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}"),  # JWTs
)
# name = "value" / name := "value" / name: "value" / "name": "value", for credential-like names
_ASSIGNMENT = re.compile(
    r"""(?ix)
    (?P<name>[A-Za-z0-9_.\-]*(?:password|passwd|pwd|secret|token|api[_\-]?key|access[_\-]?key|
        private[_\-]?key|client[_\-]?secret|credential)[A-Za-z0-9_.\-]*)
    (?P<sep>["']?\s*(?::\s*[\w\[\]|., ]+?\s*)?(?::=|=|:)\s*[bru]?)
    (?P<quote>["'`])(?P<value>[^"'`\s]{6,})(?P=quote)
    """)
# words joined by separators ("password_reset", "x-access-token", "refreshToken", "/var/run/x"):
# names and paths, not secrets, which have digits or irregular case
_WORD = r"(?:[A-Z]?[a-z]+|[A-Z]+)(?:[A-Z][a-z]+)*"
_WORDY = re.compile(rf"^[_.\-/: ]*{_WORD}(?:[_.\-/: ]+{_WORD})*[_.\-/]*$")
_KEY_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")
_KEY_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")


@dataclass(frozen=True, slots=True, kw_only=True)
class Redaction:
    """Source text with secrets masked, and the lines where secrets were found."""

    text: str
    lines: tuple[int, ...] = ()


def _mask_assignment(match: re.Match[str]) -> str:
    value = match.group("value")
    if value == MASK or _WORDY.match(value) or "{" in value or "%" in value:  # names, templates
        return match.group(0)
    return f"{match.group('name')}{match.group('sep')}{match.group('quote')}{MASK}{match.group('quote')}"


def _redact_line(line: str) -> str:
    for pattern in _TOKEN_PATTERNS:
        line = pattern.sub(MASK, line)
    return _ASSIGNMENT.sub(_mask_assignment, line)


def _private_key_lines(lines: list[str]) -> set[int]:
    inside, found = False, set()
    for index, line in enumerate(lines):
        if _KEY_BEGIN.search(line):
            inside = True
        if inside:
            found.add(index)
        if inside and _KEY_END.search(line):
            inside = False
    return found


def redact(text: str) -> Redaction:
    """``text`` with API keys, tokens, credential assignments and private keys masked.

    Line count and line numbers are unchanged: a masked private key block keeps its lines.
    """
    lines = text.split("\n")
    key_lines = _private_key_lines(lines)
    changed: list[int] = []
    out: list[str] = []
    for index, line in enumerate(lines):
        new = MASK if index in key_lines else _redact_line(line)
        if new != line:
            changed.append(index + 1)
        out.append(new)
    return Redaction(text="\n".join(out), lines=tuple(changed))
