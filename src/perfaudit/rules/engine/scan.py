"""Match rules against one file's source text (pure: no I/O, no clock)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, replace

import tree_sitter as ts

from perfaudit.langversion import parse_version
from perfaudit.model import Category, Diagnostic, Finding, Language, Location, Severity
from perfaudit.rules.catalogue.schema import Rule
from perfaudit.rules.engine.candidates import Candidates, candidates
from perfaudit.rules.engine.match import Match
from perfaudit.rules.engine.result import REVIEWER, ScanResult
from perfaudit.rules.engine.suppress import Suppression, covering, find_suppressions
from perfaudit.rules.facts import common
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node, Root

_SNIPPET_CHARS = 400

def version_applies(rule: Rule, version: tuple[int, ...] | None) -> bool:
    """Whether ``rule`` is valid for the target's language version.

    An unknown version is taken as the newest, so rules bounded above are skipped.
    """
    low, high = rule.meta.min_version, rule.meta.max_version
    if version is None:
        return high is None
    if low and version < parse_version(low):
        return False
    return not (high and version > parse_version(high))


def prefilter(rules: Sequence[Rule], source: str) -> list[Rule]:
    """Rules whose literal hints (any of) occur in ``source``; rules without hints always stay.

    Each distinct literal is looked up once per file (a substring search in C).
    """
    present: dict[str, bool] = {}
    chosen = []
    for rule in rules:
        literals = rule.meta.literals
        if not literals:
            chosen.append(rule)
            continue
        for literal in literals:
            hit = present.get(literal)
            if hit is None:
                hit = present[literal] = literal in source
            if hit:
                chosen.append(rule)
                break
    return chosen


def _versioned(rule: Rule, version: tuple[int, ...] | None) -> tuple[Severity, str, str]:
    severity, title, problem = rule.meta.severity, rule.meta.title, rule.meta.problem
    for override in rule.meta.by_version:
        low = parse_version(override.min_version) if override.min_version else None
        high = parse_version(override.max_version) if override.max_version else None
        if version is None and high is not None:
            continue
        if version is not None and ((low and version < low) or (high and version > high)):
            continue
        severity = override.severity or severity
        title, problem = override.title or title, override.problem or problem
    return severity, title, problem


def contextual_severity(
    base: Severity, node: Node, language: Language, category: Category
) -> tuple[Severity, str]:
    """Raise severity in nested loops or request handlers, lower it in start-up code."""
    fn = functions.enclosing_function_node(node)
    severity, reason = base, ""
    if common.is_startup(fn, language) and not functions.in_closure(node, language):
        severity, reason = base.lowered(), "runs once at start-up"
    elif (depth := functions.loop_depth(node, language)) >= 2:
        severity, reason = base.raised(), f"inside {depth} nested loops: cost multiplies"
    elif language is Language.GO and common.is_http_handler(functions.innermost_function(node, language)):
        severity, reason = base.raised(), "on a per-request path (HTTP handler)"
    if category is Category.CORRECTNESS and severity is Severity.P0:
        severity, reason = Severity.P1, "correctness findings are never ranked P0"
    return severity, reason if severity is not base else ""


def _finding(rule: Rule, m: Match, path: str) -> Finding:
    node, language = m.node, m.language
    rng = node.range()
    severity, title, problem = _versioned(rule, m.version)
    reason = ""
    if rule.meta.context_severity:
        severity, reason = contextual_severity(severity, node, language, rule.meta.category)
    return Finding(
        reviewer=REVIEWER,
        rule=rule.id,
        category=rule.meta.category,
        severity=severity,
        title=title,
        problem=problem,
        fix=rule.meta.fix,
        impact=rule.meta.impact,
        effort=rule.meta.effort,
        risk=rule.meta.risk,
        testing=rule.meta.testing,
        location=Location(
            path=path,
            start_line=rng.start.line + 1,
            end_line=rng.end.line + 1,
            function=functions.enclosing_function(node, language),
            snippet=node.text()[:_SNIPPET_CHARS],
        ),
        severity_reason=reason,
        references=rule.meta.references,
    )


def _parse_error(root: Node, path: str) -> Diagnostic | None:
    """The first syntax error in the tree: an ERROR node, or a MISSING one the parser made up."""
    node: ts.Node | None = root.ts
    if node is None or not node.has_error:
        return None
    while node is not None and not (node.is_error or node.is_missing):
        node = next((c for c in node.children if c.has_error or c.is_missing), None)
    line = node.start_point.row + 1 if node is not None else 1
    what = "a missing token" if node is not None and node.is_missing else "syntax errors"
    return Diagnostic(
        source=REVIEWER,
        kind="parse-error",
        message=f"{what}; rules ran on the parts that parsed",
        path=path,
        line=line,
    )


def _suppression_diagnostics(path: str, suppressions: list[Suppression], used: set[int],
                             rule_ids: set[str], known: frozenset[str]) -> list[Diagnostic]:
    out = []
    for item in suppressions:
        if not item.reason:
            out.append(Diagnostic(source=REVIEWER, kind="suppression-without-reason", path=path,
                                  line=item.line, message="perfaudit:ignore without `-- reason`"))
        if item.line not in used and item.rules & rule_ids:
            out.append(Diagnostic(source=REVIEWER, kind="unused-suppression", path=path,
                                  line=item.line, message="suppression matched no finding"))
        out.extend(Diagnostic(source=REVIEWER, kind="unknown-suppression", path=path,
                              line=item.line, message=_unknown_rule_message(name, known))
                   for name in sorted(item.rules - known) if known)
    return out


def _unknown_rule_message(name: str, known: frozenset[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"perfaudit:ignore names no rule {name!r}{hint}; it silences nothing"


def scan_source(
    path: str,
    source: str,
    language: Language,
    rules: Sequence[Rule],
    version: str | None = None,
    *,
    known_rules: frozenset[str] = frozenset(),
) -> ScanResult:
    """Run ``rules`` over one file's text; findings are sorted by line then rule.

    ``known_rules`` are every rule id of the catalogue: a suppression naming another id is
    reported (an empty set checks nothing).

    A rule that raises on a candidate loses that candidate alone: the error becomes one
    ``rule-error`` diagnostic per rule and file, and every other finding is kept.
    """
    return scan_parsed(path, source, Root(source, language), rules, version,
                       known_rules=known_rules)


def scan_parsed(
    path: str,
    source: str,
    parsed: Root,
    rules: Sequence[Rule],
    version: str | None = None,
    *,
    known_rules: frozenset[str] = frozenset(),
) -> ScanResult:
    """``scan_source`` over a file already parsed (the caller reuses the tree)."""
    language = parsed.language
    parsed_version = parse_version(version) if version else None
    chosen = [r for r in rules if r.language is language and version_applies(r, parsed_version)]
    chosen = prefilter(chosen, source)
    root = parsed.root()  # parsed even with no rule to run: syntax errors are named
    suppressions = find_suppressions(source)
    findings: list[Finding] = []
    errors: dict[str, _RuleErrors] = {}
    used: set[int] = set()
    file = Match(root, root, source, path, language, parsed_version)
    for found in candidates(root, chosen):
        for node in found.nodes:
            try:
                finding = _decide(found, file, node)
            except Exception as exc:  # a predicate's bug must not cost the other rules' findings
                errors.setdefault(found.rule.id, _RuleErrors(node.start_point.row + 1, exc)).count += 1
                continue
            if finding is None:
                continue
            hit = covering(suppressions, found.rule.id, finding.location.start_line)
            if hit is not None:
                used.add(hit.line)
                continue
            findings.append(finding)
    diagnostics = [_rule_error(rule_id, path, info) for rule_id, info in errors.items()]
    diagnostics += _suppression_diagnostics(path, suppressions, used, {r.id for r in chosen},
                                            known_rules)
    if (error := _parse_error(root, path)) is not None:
        diagnostics.append(error)
    findings = _dedupe_same_span(findings)
    findings.sort(key=lambda f: (f.location.start_line, f.rule or "", f.location.end_line))
    return ScanResult(findings=tuple(findings), diagnostics=tuple(diagnostics))


def _decide(found: Candidates, file: Match, node: ts.Node) -> Finding | None:
    """The finding ``found.rule`` makes of candidate ``node`` in ``file``, or None."""
    wrapped = found.accept(file.root, node)
    if wrapped is None:
        return None
    m = replace(file, node=wrapped)
    if found.rule.check is not None and not found.rule.check(m):
        return None
    return _finding(found.rule, m, file.path)


@dataclass(slots=True)
class _RuleErrors:
    """The first error one rule raised in a file, and how many candidates raised."""

    line: int
    error: BaseException
    count: int = 0


def _rule_error(rule_id: str, path: str, info: _RuleErrors) -> Diagnostic:
    more = f" (and {info.count - 1} more candidates)" if info.count > 1 else ""
    return Diagnostic(source=REVIEWER, kind="rule-error", path=path, line=info.line,
                      message=f"rule {rule_id} failed: {type(info.error).__name__}: "
                              f"{str(info.error)[:200]}{more}")


def _dedupe_same_span(findings: list[Finding]) -> list[Finding]:
    """One finding per (rule, start line): nested matches of one rule report once."""
    seen: dict[tuple[str | None, int], Finding] = {}
    for finding in findings:
        key = (finding.rule, finding.location.start_line)
        kept = seen.get(key)
        if kept is None or finding.location.end_line > kept.location.end_line:
            seen[key] = finding
    return list(seen.values())

