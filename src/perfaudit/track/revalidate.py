"""Re-validation: give each finding of an earlier audit its status against newer code, with
the reason (pure).

A finding's *locations* are its primary location plus its related locations. Matching runs in
three passes, each one to one:

1. the same fingerprint (same rule, file, function and code);
2. the same rule (for imported and LLM findings, the same category) and the same code
   anywhere in the tree: the code moved to another file, or its function was renamed;
3. the same rule, file and function with other code: the code changed around the finding.

A finding matched by the first two passes is *still present* (or *partial* when it now has
fewer locations or a lower severity); by the third, *partial*. An unmatched finding is
*fixed* only when a reviewer that found it looked again at its file (or at the whole tree,
when its file is gone) and the file changed, or, for a reviewer that cannot run again (an
imported log with no newer one), when the code it quoted is no longer in its file; otherwise
it is *unknown*, with the reason. Current findings that match no earlier one are *new*.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from perfaudit.fingerprint import normalise_snippet
from perfaudit.model import ConsolidatedFinding, Diagnostic, Location, Report, Revalidation, Status

_QUOTE = 80


@dataclass(frozen=True, slots=True, kw_only=True)
class CurrentState:
    """What the newer code looks like to the reviewers that re-ran.

    ``reviewed``: the files each reviewer looked at again; ``carried``: files whose earlier
    findings a costly reviewer keeps because they did not change; ``present``/``changed``:
    the earlier findings' files that still exist and that changed; ``texts``: their current
    text (for the evidence of a fix); ``whole_tree``: reviewers that looked at every file.
    """

    findings: tuple[ConsolidatedFinding, ...] = ()
    reviewed: Mapping[str, frozenset[str]] = field(default_factory=dict)
    carried: Mapping[str, frozenset[str]] = field(default_factory=dict)
    present: frozenset[str] = frozenset()
    changed: frozenset[str] = frozenset()
    diagnostics: tuple[Diagnostic, ...] = ()
    texts: Mapping[str, str] = field(default_factory=dict)
    whole_tree: frozenset[str] = frozenset()
    commit: str | None = None
    ran: frozenset[str] = frozenset()
    """Reviewers that ran again (whatever files they looked at)."""
    quotes: Mapping[str, int | None] = field(default_factory=dict)
    """Earlier finding fingerprint -> the line of its file that still holds its quoted code,
    or None when the file no longer holds it (only for findings with a quote to look for)."""


class How(Enum):
    """How an earlier finding was matched to a current one."""

    SAME = "same"
    MOVED = "moved"
    CHANGED = "changed"


def _kind(finding: ConsolidatedFinding) -> str:
    return finding.rule or f"category:{finding.category.value}"


def _loose_key(finding: ConsolidatedFinding) -> tuple[str, str, str]:
    return (_kind(finding), finding.location.path, finding.location.function or "")


def _code_key(finding: ConsolidatedFinding) -> tuple[str, str]:
    return (_kind(finding), normalise_snippet(finding.location.snippet))


def _reviewed_by(finding: ConsolidatedFinding, state: CurrentState) -> set[str]:
    path = finding.location.path
    return {name for name in finding.reviewers if path in state.reviewed.get(name, frozenset())}


def _same(old: ConsolidatedFinding, new: ConsolidatedFinding, how: How, state: CurrentState,
          unique: frozenset[tuple[str, str]]) -> bool:
    if how is How.SAME:
        return bool(set(new.reviewers) & _reviewed_by(old, state)) and \
            new.fingerprint == old.fingerprint
    if not set(new.reviewers) & set(old.reviewers):
        return False
    if how is How.CHANGED:
        return _loose_key(new) == _loose_key(old)
    key = _code_key(old)
    if not key[1] or _code_key(new) != key:
        return False
    # the same code in the same file (a renamed function) or in a function of the same name
    # (a moved file) is the same problem; elsewhere only when the code is found once then and
    # once now: `http.Client{}` in a test that was deleted is not the one in a new test
    same_function = bool(old.location.function) and new.location.function == old.location.function
    return new.location.path == old.location.path or same_function or key in unique


def match(earlier: tuple[ConsolidatedFinding, ...], state: CurrentState
          ) -> dict[int, tuple[ConsolidatedFinding, How]]:
    """Earlier finding number -> the current finding it still is, and how it was matched."""
    pool = list(state.findings)
    then, now = Counter(map(_code_key, earlier)), Counter(map(_code_key, state.findings))
    unique = frozenset(key for key, count in then.items() if count == 1 and now[key] == 1)
    matched: dict[int, tuple[ConsolidatedFinding, How]] = {}
    for how in How:
        for old in earlier:
            if old.number in matched:
                continue
            found = [c for c in pool if _same(old, c, how, state, unique)]
            if found:
                best = min(found, key=lambda c: (c.location.path != old.location.path,
                                                 abs(c.location.start_line
                                                     - old.location.start_line)))
                matched[old.number] = (best, how)
                pool.remove(best)
    return matched


def _at(location: Location) -> str:
    where = f"{location.path}:{location.start_line}"
    return f"{where} in `{location.function}`" if location.function else where


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE else text[:_QUOTE - 1] + "…"


def judge(old: ConsolidatedFinding, now: ConsolidatedFinding | None, state: CurrentState,
          how: How = How.SAME) -> tuple[Status, str]:
    """The status of one earlier finding given its current match (if any), and why."""
    if now is not None:
        return _matched(old, now, how)
    path = old.location.path
    if path not in state.present:
        searched = set(old.reviewers) & state.whole_tree
        if searched:
            return Status.FIXED, (f"{path} was removed and {', '.join(sorted(searched))} found "
                                  "this code in none of the files it reviewed")
        return Status.UNKNOWN, f"{path} was removed; the reviewers that found it did not re-run"
    if _reviewed_by(old, state):
        if path in state.changed:
            return Status.FIXED, _evidence(old, state.texts.get(path))
        return Status.UNKNOWN, (f"{path} did not change but the finding is no longer reported "
                                "(the reviewer or its rules changed)")
    carried = [n for n in old.reviewers if path in state.carried.get(n, frozenset())]
    if carried and path not in state.changed:
        return Status.STILL_PRESENT, (f"{path} did not change, so {', '.join(carried)} "
                                      "was not asked again")
    who = ", ".join(old.reviewers)
    if set(old.reviewers) & state.ran:  # it ran, but this file was lost or left out
        return Status.UNKNOWN, (f"{who} ran again but did not review {path} (skipped, or "
                                "its review was lost)")
    if old.fingerprint in state.quotes:  # the reviewer cannot look again: its quote can
        line = state.quotes[old.fingerprint]
        if line is not None:
            return Status.STILL_PRESENT, (f"the quoted code is still in {path} (line {line}); "
                                          f"{who} did not look again")
        return Status.FIXED, f"the quoted code is no longer in {path}; {who} did not look again"
    return Status.UNKNOWN, (f"{path} changed, {who} did not look again, and the finding quotes "
                            "no code to look for")


def _matched(old: ConsolidatedFinding, now: ConsolidatedFinding, how: How) -> tuple[Status, str]:
    if how is How.CHANGED:
        return Status.PARTIAL, (f"still reported at {_at(now.location)}, but the code changed: "
                                f"it now reads `{_quote(now.location.snippet)}`")
    fewer = len(now.related) < len(old.related)
    # a severity the team adjudicated is not the reviewers' to lower
    milder = now.severity.rank > old.severity.rank and not old.resolution.startswith(
        "adjudicated as")
    if fewer or milder:
        why = (f"{len(now.related) + 1} of {len(old.related) + 1} places remain" if fewer else
               f"severity is now {now.severity.value} (was {old.severity.value})")
        return Status.PARTIAL, f"{why}, at {_at(now.location)}"
    if how is How.MOVED and (now.location.path != old.location.path
                             or now.location.function != old.location.function):
        return Status.STILL_PRESENT, (f"moved to {_at(now.location)} "
                                      f"(was {_at(old.location)})")
    return Status.STILL_PRESENT, f"still at {_at(now.location)}"


def _evidence(old: ConsolidatedFinding, text: str | None) -> str:
    """Why an unmatched finding in a changed file counts as fixed: what is there now."""
    location = old.location
    if text is None:
        return f"{location.path} changed and the finding is no longer reported"
    lines = text.splitlines()
    function = location.function
    if function and not any(function.rsplit(".", 1)[-1] in line for line in lines):
        return f"`{function}` was removed from {location.path}"
    if location.start_line > len(lines):
        return f"{location.path} now ends before line {location.start_line}"
    reads = _quote(lines[location.start_line - 1]) or "an empty line"
    return f"{location.path}:{location.start_line} now reads `{reads}`"


def quote_line(lines: Sequence[str], quote: str) -> int | None:
    """The 1-based line where ``quote`` (whitespace aside) starts in ``lines``, or None."""
    wanted = normalise_snippet(quote)
    if not wanted:
        return None
    first = wanted.split(" ", 1)[0]
    for number, line in enumerate(lines, 1):
        if first not in line:
            continue
        window = normalise_snippet(" ".join(lines[number - 1:number + quote.count("\n")]))
        if wanted in window:
            return number
    return None


def status_of(old: ConsolidatedFinding, now: ConsolidatedFinding | None,
              state: CurrentState, how: How = How.SAME) -> Status:
    """The status of one earlier finding given its current match (if any)."""
    return judge(old, now, state, how)[0]


def revalidate(earlier: Report, state: CurrentState, validated_at: str) -> Report:
    """``earlier`` with each finding's status, reason and current location, the current
    findings no earlier one matched (as new), and the counts."""
    matches = match(earlier.findings, state)
    findings = []
    for old in earlier.findings:
        now, how = matches.get(old.number, (None, How.SAME))
        status, reason = judge(old, now, state, how)
        shown = old if now is None else replace(
            old, location=now.location, related=now.related, severity=now.severity)
        findings.append(replace(shown, status=status, status_reason=reason))
    seen = {id(now) for now, _how in matches.values()}
    triaged = {f.fingerprint for f in earlier.triaged}  # known then, and decided on: not new
    seen |= {id(f) for f in state.findings if f.fingerprint in triaged}
    start = max((f.number for f in earlier.findings), default=0)
    fresh = [replace(now, number=start + n, status=Status.NEW,
                     status_reason="not in the earlier audit")
             for n, now in enumerate((f for f in state.findings if id(f) not in seen), 1)]
    counts = Counter(f.status for f in findings)
    summary = Revalidation(audit_id=earlier.audit.id, validated_at=validated_at,
                           still_present=counts[Status.STILL_PRESENT],
                           partial=counts[Status.PARTIAL], fixed=counts[Status.FIXED],
                           unknown=counts[Status.UNKNOWN], new=len(fresh),
                           commit=state.commit)
    return replace(earlier, findings=(*findings, *fresh),
                   audit=replace(earlier.audit, revalidation=summary))
