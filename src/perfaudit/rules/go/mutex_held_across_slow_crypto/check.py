"""Flag ``mu.Lock()`` when a password hash, key derivation or signature runs before the unlock.

The crypto call may sit directly under the lock or one call away, in a function or method of
the same file (``comparePasswords`` wrapping ``bcrypt.CompareHashAndPassword``).

Only ``Lock``: under ``RLock`` readers still run the crypto concurrently. Left out, as for the
other mutex rules: locks named for one job (``signMu``), test-support files and methods named
for the operation they serialise.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go.locks import held_calls
from perfaudit.syntax.functions import declared_name
from perfaudit.syntax.node import Node

_CRYPTO = (
    r"(bcrypt\.(CompareHashAndPassword|GenerateFromPassword)|scrypt\.Key|argon2\.(IDKey|Key)"
    r"|pbkdf2\.Key|rsa\.(SignPKCS1v15|SignPSS|DecryptPKCS1v15|DecryptPKCS1v15SessionKey|DecryptOAEP)"
    r"|ecdsa\.(Sign|SignASN1)|ed25519\.Sign)"
)
SLOW_CRYPTO = re.compile(rf"^{_CRYPTO}$")
_CALLS_CRYPTO = re.compile(rf"(?<![\w.]){_CRYPTO}\(")


def _wrappers(root: Node) -> frozenset[str]:
    """Names of the file's functions and methods whose own body calls slow crypto."""
    return root.remember("slow-crypto-wrappers", lambda: frozenset(
        declared_name(fn) for kind in ("function_declaration", "method_declaration")
        for fn in root.find_all(kind=kind) if _CALLS_CRYPTO.search(fn.text())))


def check(match: Match) -> bool:
    """Some slow crypto call runs while the mutex is held, directly or through a same-file helper."""
    calls = held_calls(match.node, match.path)
    if not calls:
        return False
    if any(SLOW_CRYPTO.match(name) for name in calls):
        return True
    wrappers = _wrappers(match.root)
    return bool(wrappers) and any(name.rsplit(".", 1)[-1] in wrappers for name in calls)
