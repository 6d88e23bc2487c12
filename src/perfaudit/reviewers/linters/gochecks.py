"""Which Go linter checks are about performance, and how each maps onto perfaudit's taxonomy (pure).

Checks not listed here (style, simplifications, unused code, error handling) are not a
performance panel's business and are left out. Bug-finding staticcheck checks are kept
and marked ``correctness``, which is never ranked P0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfaudit.model import Category, Severity

STATICCHECK_DOCS = "https://staticcheck.dev/docs/checks/#"
GOLANGCI_DOCS = "https://golangci-lint.run/usage/linters/#"


@dataclass(frozen=True, slots=True, kw_only=True)
class Check:
    """How perfaudit reads one linter check."""

    category: Category
    severity: Severity
    fix: str


def _c(category: Category, severity: Severity, fix: str) -> Check:
    return Check(category=category, severity=severity, fix=fix)


_A, _P1, _P2 = Category.ALLOCATION, Severity.P1, Severity.P2
STATICCHECK: dict[str, Check] = {
    "SA6000": _c(Category.LOOP_INVARIANT_WORK, _P1,
                 "Compile the regular expression once (a package-level regexp.MustCompile) "
                 "and reuse it."),
    "SA6001": _c(_A, _P2, "Index the map with m[string(b)] directly so no string is allocated."),
    "SA6002": _c(_A, _P2, "Store pointers (for example *[]byte) in the sync.Pool."),
    "SA6003": _c(_A, _P2, "Range over the string directly; it yields runes without a copy."),
    "SA6005": _c(_A, _P2, "Compare with strings.EqualFold instead of lower-casing both sides."),
    "SA6006": _c(_A, _P2, "Call w.Write with the []byte instead of io.WriteString(w, string(b))."),
    "SA1015": _c(Category.LEAK, _P1, "Use time.NewTicker and Stop it when the loop ends."),
    "SA1012": _c(Category.LIFECYCLE, _P2, "Pass context.TODO or the caller's context, never nil."),
    "SA2000": _c(Category.CONCURRENCY, _P1, "Call wg.Add before starting the goroutine."),
    "SA2001": _c(Category.CONCURRENCY, _P2, "Do the work inside the critical section or drop "
                                             "the empty lock."),
    "SA2002": _c(Category.CONCURRENCY, _P1, "Report failure from the goroutine through a channel; "
                                             "t.FailNow must run on the test goroutine."),
    "SA2003": _c(Category.CONCURRENCY, _P1, "Defer the Unlock, not the Lock."),
    "SA5002": _c(Category.CONCURRENCY, _P1, "Block on a channel or select instead of spinning."),
}
_CORRECTNESS_FIX = "See the check's documentation for the fix."

GOLANGCI: dict[str, Check] = {
    "prealloc": _c(_A, _P2, "Preallocate the slice with make([]T, 0, n) when n is known."),
    "perfsprint": _c(_A, _P2, "Use strconv or plain concatenation instead of fmt.Sprintf for "
                              "simple conversions."),
    "bodyclose": _c(Category.LEAK, _P1, "Close the response body on every path "
                                         "(defer resp.Body.Close())."),
    "sqlclosecheck": _c(Category.LEAK, _P1, "Close sql.Rows and sql.Stmt (defer rows.Close())."),
    "noctx": _c(Category.LIFECYCLE, _P2, "Build the request with http.NewRequestWithContext and "
                                          "pass the caller's context."),
    "contextcheck": _c(Category.LIFECYCLE, _P2, "Pass the caller's context down instead of a new "
                                                 "one."),
    "fatcontext": _c(Category.LEAK, _P1, "Derive the context once outside the loop; re-wrapping "
                                          "it per iteration grows a chain."),
    "makezero": _c(Category.CORRECTNESS, _P2, "Create the slice with length 0 before appending."),
    "rowserrcheck": _c(Category.CORRECTNESS, _P2, "Check rows.Err() after the loop."),
}
GOCRITIC_PERF = frozenset({
    "appendCombine", "equalFold", "hugeParam", "indexAlloc", "preferDecodeRune", "preferFprint",
    "preferStringWriter", "preferWriteByte", "rangeExprCopy", "rangeValCopy", "sliceClear",
    "stringXbytes",
})
GOVET_CONCURRENCY = frozenset({"copylocks"})
_CODE_PREFIX = re.compile(r"^([A-Z]{1,2}\d{4}):\s*")
_GOCRITIC_PREFIX = re.compile(r"^(\w+):\s*")
_GOVET_PREFIX = re.compile(r"^(\w+):\s*")


def staticcheck_check(code: str) -> Check | None:
    """How a staticcheck code is read, or None when it is not kept (S, ST, QF, U checks)."""
    if code in STATICCHECK:
        return STATICCHECK[code]
    if code.startswith("SA"):
        return _c(Category.CORRECTNESS, _P2, _CORRECTNESS_FIX)
    return None


def golangci_check(linter: str, text: str) -> tuple[str, str, Check] | None:
    """``(rule id, message, check)`` for one golangci-lint issue, or None when it is left out."""
    if linter in {"staticcheck", "gosimple", "stylecheck"}:
        code = _CODE_PREFIX.match(text)
        check = staticcheck_check(code.group(1)) if code else None
        return (code.group(1), text[code.end():], check) if code and check else None
    if linter == "gocritic":
        name = _GOCRITIC_PREFIX.match(text)
        if name and name.group(1) in GOCRITIC_PERF:
            return f"gocritic:{name.group(1)}", text[name.end():], _c(
                _A, _P2, "Apply gocritic's suggestion: avoid the copy or allocation it names.")
        return None
    if linter == "govet":
        name = _GOVET_PREFIX.match(text)
        analyzer = name.group(1) if name else "govet"
        category = Category.CONCURRENCY if analyzer in GOVET_CONCURRENCY else Category.CORRECTNESS
        return f"govet:{analyzer}", text, _c(category, _P2, _CORRECTNESS_FIX)
    if linter in GOLANGCI:
        return linter, text, GOLANGCI[linter]
    return None


def short_title(message: str, limit: int = 100) -> str:
    """A title from a linter message: its first clause, cut at a word within ``limit``."""
    text = " ".join(message.split())
    for stop in (", consider ", "; consider ", ". "):
        text = text.split(stop, 1)[0]
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def reference(rule: str) -> str:
    """Documentation link for a rule id produced by the Go linters."""
    if _CODE_PREFIX.match(rule + ":"):
        return STATICCHECK_DOCS + rule
    return GOLANGCI_DOCS + rule.split(":", 1)[0]
