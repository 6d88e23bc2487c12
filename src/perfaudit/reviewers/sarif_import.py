"""Read any tool's SARIF 2.1.0 log into findings (pure): the parsing half of reviewer ``sarif:PATH``.

- Reviewer name: the tool's ``driver.name`` (several distinct drivers are joined with ``+``).
- Severity: a ``P0``/``P1``/``P2`` ``severity`` property when present, else the level
  (result's, else the rule's default): error -> P1, warning/note/none -> P2.
- Category: a ``category`` property or a tag that names a perfaudit category (result first,
  then its rule), else the Go linter mapping for known check ids, else ``unclassified``.
- Fix, impact, effort, risk and testing: properties of those names (result first, then its
  rule); the fix falls back to the rule's ``help`` text.
- Paths are resolved through ``uriBaseId``/``originalUriBaseIds`` and made repo-relative;
  results outside the repository are rejected with a diagnostic. Suppressed results and
  results whose ``baselineState`` is ``absent`` are skipped.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

from perfaudit.model import Category, Diagnostic, Finding, Location, Severity
from perfaudit.reviewers.linters.gochecks import golangci_check, staticcheck_check

LEVELS = {"error": Severity.P1, "warning": Severity.P2, "note": Severity.P2, "none": Severity.P2}
_CATEGORIES = {c.value for c in Category}
Json = dict[str, Any]
PLACEHOLDER_FIX = "See the tool's documentation for this rule."
"""The fix of a result whose tool states none: says nothing, so it is never a shared fix."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SarifImport:
    """What one SARIF log holds, in perfaudit's terms."""

    tool: str
    findings: tuple[Finding, ...] = ()
    rejected: tuple[Diagnostic, ...] = ()
    artifacts: frozenset[str] | None = None


def _dict(value: Any) -> Json:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _line(value: Any, default: int) -> int:
    """A positive line number, or ``default`` when the log has none or nonsense."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default


def _text(message: Any) -> str:
    return " ".join(str(_dict(message).get("text") or "").split())


def _base_uri(run: Json, base_id: str | None, root: str, depth: int = 0) -> str:
    entry = _dict(_dict(run.get("originalUriBaseIds")).get(base_id or ""))
    if not base_id or not entry.get("uri") or depth > 4:
        return root
    uri = str(entry["uri"])
    parent = _base_uri(run, entry.get("uriBaseId"), root, depth + 1)
    return _join(parent, uri)


def _join(base: str, uri: str) -> str:
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    if parsed.scheme and len(parsed.scheme) > 1:
        return ""
    return os.path.join(base, unquote(uri))


def resolve_uri(run: Json, artifact: Json, root: str) -> str | None:
    """The repo-relative POSIX path of an artifactLocation, or None when outside ``root``."""
    uri = artifact.get("uri")
    index = artifact.get("index")
    if uri is None and isinstance(index, int) and 0 <= index < len(_list(run.get("artifacts"))):
        artifact = _dict(_dict(run["artifacts"][index]).get("location"))
        uri = artifact.get("uri")
    if not uri:
        return None
    path = _join(_base_uri(run, artifact.get("uriBaseId"), root), str(uri))
    if not path:
        return None
    rel = os.path.relpath(os.path.normpath(path), os.path.normpath(root))
    if rel == os.curdir or rel.startswith(os.pardir) or os.path.isabs(rel):
        return None
    return PurePosixPath(*rel.split(os.sep)).as_posix()


def _rules(run: Json) -> dict[str, Json]:
    driver = _dict(_dict(run.get("tool")).get("driver"))
    table: dict[str, Json] = {}
    for component in (driver, *map(_dict, _list(_dict(run.get("tool")).get("extensions")))):
        for rule in map(_dict, _list(component.get("rules"))):
            if rule.get("id"):
                table.setdefault(str(rule["id"]), rule)
    return table


def _category(rule_id: str, result: Json, rule: Json) -> Category:
    for props in (_dict(result.get("properties")), _dict(rule.get("properties"))):
        named = str(props.get("category", "")).lower()
        if named in _CATEGORIES:
            return Category(named)
        for tag in _list(props.get("tags")):
            text = str(tag).lower().removeprefix("perf/").removeprefix("performance/")
            if text in _CATEGORIES:
                return Category(text)
    check = staticcheck_check(rule_id) or (golangci_check(rule_id, "") or (None, None, None))[2]
    return check.category if check is not None else Category.UNCLASSIFIED


def _severity(result: Json, rule: Json) -> Severity:
    stated = str(_dict(result.get("properties")).get("severity", ""))
    if stated in {s.value for s in Severity}:
        return Severity(stated)
    level = result.get("level") or _dict(rule.get("defaultConfiguration")).get("level")
    return LEVELS.get(str(level or "warning"), Severity.P2)


def _skipped(result: Json) -> bool:
    accepted = any(_dict(s).get("status", "accepted") == "accepted"
                   for s in _list(result.get("suppressions")))
    return accepted or result.get("baselineState") == "absent"


def _rule_of(run: Json, result: Json, rules: dict[str, Json]) -> tuple[str, Json]:
    reference = _dict(result.get("rule"))
    rule_id = str(result.get("ruleId") or reference.get("id") or "")
    index = result.get("ruleIndex", reference.get("index"))
    declared = _list(_dict(_dict(run.get("tool")).get("driver")).get("rules"))
    if not rule_id and isinstance(index, int) and 0 <= index < len(declared):
        rule_id = str(_dict(declared[index]).get("id") or "")
    return rule_id, rules.get(rule_id, {})


def _location(run: Json, result: Json, root: str) -> tuple[Location | None, str]:
    first = _dict((_list(result.get("locations")) or [{}])[0])
    physical = _dict(first.get("physicalLocation"))
    artifact = _dict(physical.get("artifactLocation"))
    path = resolve_uri(run, artifact, root)
    if path is None:
        uri = artifact.get("uri")
        return None, f"{uri} is outside the repository" if uri else "it has no file location"
    region = _dict(physical.get("region"))
    start = _line(region.get("startLine"), 1)
    end = max(start, _line(region.get("endLine"), start))
    logical = _dict((_list(first.get("logicalLocations")) or [{}])[0])
    function = logical.get("fullyQualifiedName") or logical.get("name")
    snippet = str(_dict(region.get("snippet")).get("text") or "")[:200]
    return Location(path=path, start_line=start, end_line=end, snippet=snippet,
                    function=str(function) if function else None), path


def _finding(run: Json, result: Json, rules: dict[str, Json], tool: str,
             root: str) -> Finding | Diagnostic:
    rule_id, rule = _rule_of(run, result, rules)
    location, where = _location(run, result, root)
    message = _text(result.get("message")) or _text(rule.get("shortDescription")) or rule_id
    if location is None:
        return Diagnostic(source=tool, kind="sarif-rejected", path=None,
                          message=f"result {rule_id or '?'} rejected: {where}")
    title = _text(rule.get("shortDescription")) or message.split(". ")[0]
    fix = _property("fix", result, rule) or _text(rule.get("help")) or PLACEHOLDER_FIX
    refs = (str(rule["helpUri"]),) if rule.get("helpUri") else ()
    return Finding(reviewer=tool, rule=rule_id or None,
                   category=_category(rule_id, result, rule), severity=_severity(result, rule),
                   title=title[:120], problem=message, fix=fix, location=location,
                   references=refs, impact=_property("impact", result, rule),
                   effort=_property("effort", result, rule), risk=_property("risk", result, rule),
                   testing=_property("testing", result, rule))


def _property(name: str, result: Json, rule: Json) -> str:
    """A text property of the result, else of its rule ("" when neither states it)."""
    for props in (_dict(result.get("properties")), _dict(rule.get("properties"))):
        value = props.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, dict):  # a SARIF message object
            text = _text(value)
            if text:
                return text
    return ""


def _tool_name(runs: list[Json]) -> str:
    names = [str(_dict(_dict(r.get("tool")).get("driver")).get("name") or "sarif") for r in runs]
    return "+".join(dict.fromkeys(names)) or "sarif"


def _artifacts(runs: list[Json], root: str) -> frozenset[str] | None:
    listed = [(run, _dict(_dict(a).get("location")))
              for run in runs for a in _list(run.get("artifacts"))]
    if not listed:
        return None
    paths = {resolve_uri(run, loc, root) for run, loc in listed}
    return frozenset(p for p in paths if p)


def parse_sarif(text: str, root: str) -> SarifImport:
    """Findings and rejections from a SARIF log; raises ValueError when it is not SARIF."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg} (line {exc.lineno})") from exc
    runs = [_dict(r) for r in _list(_dict(document).get("runs"))]
    if not isinstance(document, dict) or "runs" not in document:
        raise ValueError("not a SARIF log (no `runs`)")
    tool = _tool_name(runs)
    findings: list[Finding] = []
    rejected: list[Diagnostic] = []
    for run in runs:
        rules = _rules(run)
        for result in map(_dict, _list(run.get("results"))):
            if _skipped(result):
                continue
            item = _finding(run, result, rules, tool, root)
            if isinstance(item, Finding):
                findings.append(item)
            else:
                rejected.append(item)
    return SarifImport(tool=tool, findings=tuple(findings), rejected=tuple(rejected),
                       artifacts=_artifacts(runs, root))
