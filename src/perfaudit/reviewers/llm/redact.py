"""Remove secrets from source text before it leaves the machine, keeping every line in place (pure).

Every rule works on one line at a time and replaces a secret with ``MASK`` (which has no newline),
so line count and line numbers never change. Where a secret sits in a readable frame (a URL's
scheme and host, an ``Authorization`` header's scheme, a variable's name), the frame is kept.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

MASK = "[REDACTED]"
# a literal assigned to an ordinary name is masked only when it looks random: at least this long,
# with at least this much Shannon entropy per character, with case and digit changes at this rate
# inside its letter-digit runs, and at most this share of it made of word-like runs
MIN_RANDOM_LENGTH = 20
MIN_RANDOM_ENTROPY = 3.3
MIN_RANDOM_MIXING = 0.2
MAX_RANDOM_WORDINESS = 0.6

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
# any name = "literal", also Go's `var name T = "literal"`; the literal is checked for randomness
_LITERAL_ASSIGNMENT = re.compile(
    r"""(?x)
    (?P<name>[A-Za-z_][\w.\-]*)
    (?P<sep>["']?\s*(?::\s*[\w\[\]|., ]+?\s*|\s+[\w.\[\]*]+\s*)?(?::=|=|:)\s*[bru]?)
    (?P<quote>["'`])(?P<value>[A-Za-z0-9+/=_\-.~]+)(?P=quote)
    """)
_SCHEMES = r"(?:Bearer|Basic|Token|Digest|Bot|Negotiate)"
_CREDENTIAL_HEADER = r"(?:Proxy-)?Authorization|X-[\w\-]*(?:Key|Token|Secret|Auth)[\w\-]*|Cookie"
# each rule masks the ``secret`` group and keeps the ``head`` group before it; in these the
# context says it is a secret, whatever it looks like
_SURE = (
    # scheme://user:password@host, redis://:password@host; the last @ before the path ends it
    re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@'\"`]*:)(?P<secret>[^\s/'\"`]+)(?=@)"),
    # Go MySQL DSNs: user:password@tcp(host:3306)/db
    re.compile(r"(?P<head>(?<![\w/:])[\w.\-]+:)(?P<secret>[^\s@'\"`]+)(?=@(?:tcp|udp|unix)\()"),
    # .netrc: "machine host login user password s3cret"
    re.compile(r"(?i)(?P<head>\b(?:machine|login)\s+\S+.*?\bpassword\s+)(?P<secret>[^\s\"'`\\]+)"),
)
# in these a value made of plain words is more likely prose or a name than a secret
_LIKELY = (
    re.compile(r"(?i)(?P<head>\b(?:Bearer|Basic)\s+)(?P<secret>[A-Za-z0-9\-._~+/]{8,}=*)"),
    # "Authorization: Bearer …" inside a string or comment
    re.compile(rf"(?i)(?P<head>(?:{_CREDENTIAL_HEADER}):[ \t]*(?:{_SCHEMES}[ \t]+)?)"
               r"(?P<secret>[^\s\"'`\\()\[\],;]+)"),
    # {"Authorization": "…"}, Header.Set("Authorization", "…"), headers["Authorization"] = "…"
    re.compile(rf"(?i)(?P<head>[\"'`]?\b(?:{_CREDENTIAL_HEADER})[\"'`]?\s*(?:[:,=]|\]\s*=)\s*[bru]?"
               rf"[\"'`](?:{_SCHEMES}\s+)?)(?P<secret>[^\"'`]+?)(?=[\"'`])"),
    # DSN keywords: "host=db user=app password=…", "Server=…;Password=…;"
    re.compile(r"(?i)(?P<head>(?:^|(?<=[\s;?&\"'`]))(?:password|passwd|pwd)=)"
               r"(?P<secret>[^\s;&\"'`()\[\],]+)(?=[\s;&\"'`]|$)"),
    # a .netrc entry on its own line: "  password s3cret"
    re.compile(r"(?i)^(?P<head>\s*[\"'`]?\s*password\s+)(?P<secret>[^\s\"'`\\=:][^\s\"'`\\]*)"
               r"(?=\s*(?:\\n)?[\"'`]?[,;)]?\s*$)"),
)
# words joined by separators ("password_reset", "x-access-token", "refreshToken", "/var/run/x"):
# names and paths, not secrets, which have digits or irregular case
_WORD = r"(?:[A-Z]?[a-z]+|[A-Z]+)(?:[A-Z][a-z]+)*"
_WORDY = re.compile(rf"^[_.\-/: ]*{_WORD}(?:[_.\-/: ]+{_WORD})*[_.\-/]*$")
# format verbs take no width here, so a URL-encoded password (p%40ss) is not taken for one
_TEMPLATE = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[-+#]*[svqdr]|^\$\{?\w+\}?$|^\$\(|^<[^<>]+>$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_RUN = re.compile(r"[A-Za-z0-9]+")
_WORDLIKE = re.compile(r"[A-Z][a-z]{2,}|[a-z]{3,}")
_KEY_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")
_KEY_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")


@dataclass(frozen=True, slots=True, kw_only=True)
class Redaction:
    """Source text with secrets masked, and the lines where secrets were found."""

    text: str
    lines: tuple[int, ...] = ()


def _placeholder(value: str) -> bool:
    """Already masked, a template (``{token}``, ``%s``, ``$PASS``, ``<password>``) or nothing."""
    stripped = value.strip()
    return not stripped or MASK in stripped or bool(_TEMPLATE.search(stripped))


def _mask_assignment(match: re.Match[str]) -> str:
    value = match.group("value")
    if value == MASK or _WORDY.match(value) or "{" in value or "%" in value:  # names, templates
        return match.group(0)
    return f"{match.group('name')}{match.group('sep')}{match.group('quote')}{MASK}{match.group('quote')}"


def _mask_sure(match: re.Match[str]) -> str:
    if _placeholder(match.group("secret")):
        return match.group(0)
    return f"{match.group('head')}{MASK}"


def _mask_likely(match: re.Match[str]) -> str:
    if _WORDY.match(match.group("secret").strip()):
        return match.group(0)
    return _mask_sure(match)


def entropy(text: str) -> float:
    """Shannon entropy of ``text`` in bits per character."""
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values()) if text else 0.0


def _mixing(text: str) -> float:
    """How often, inside letter-digit runs, a letter meets a digit or a lower case letter an upper.

    Random keys change class every other character or so; identifiers only at word boundaries.
    """
    changes = pairs = 0
    for run in _RUN.findall(text):
        pairs += len(run) - 1
        changes += sum(1 for a, b in itertools.pairwise(run)
                       if a.isdigit() != b.isdigit() or (a.islower() and b.isupper()))
    return changes / pairs if pairs > 0 else 0.0


def looks_random(value: str) -> bool:
    """Whether a literal looks like a generated key rather than a name, path, version or word."""
    if len(value) < MIN_RANDOM_LENGTH or _UUID.match(value) or _WORDY.match(value):
        return False
    wordiness = sum(len(w) for w in _WORDLIKE.findall(value)) / len(value)
    return (entropy(value) >= MIN_RANDOM_ENTROPY and _mixing(value) >= MIN_RANDOM_MIXING
            and wordiness <= MAX_RANDOM_WORDINESS)


def _mask_random(match: re.Match[str]) -> str:
    if not looks_random(match.group("value")):
        return match.group(0)
    return f"{match.group('name')}{match.group('sep')}{match.group('quote')}{MASK}{match.group('quote')}"


_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    *((pattern, _mask_sure) for pattern in _SURE),
    *((pattern, _mask_likely) for pattern in _LIKELY),
    (_ASSIGNMENT, _mask_assignment),
    (_LITERAL_ASSIGNMENT, _mask_random),
)


def _redact_line(line: str) -> str:
    for pattern in _TOKEN_PATTERNS:
        line = pattern.sub(MASK, line)
    for pattern, mask in _RULES:
        line = pattern.sub(mask, line)
    return line


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
    """``text`` with API keys, tokens, credentials in URLs and headers, credential and random-looking
    assignments, ``.netrc`` passwords and private keys masked.

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
