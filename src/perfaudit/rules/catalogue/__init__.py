"""The built-in rule catalogue: one folder per rule, found by glob (DESIGN §3); loading and selection."""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import importlib
import importlib.util
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from perfaudit import installation
from perfaudit.codec import adapter, plain
from perfaudit.errors import RuleError
from perfaudit.model import Category, Language, Severity
from perfaudit.rules.catalogue.schema import (
    CheckFn,
    Rule,
    RuleMeta,
    RuleStatus,
    VersionOverride,
)

CATALOGUE_DIR = Path(__file__).parents[1]  # rule folders sit in rules/<language>/<rule-id>/
EXAMPLE_EXT = {Language.GO: "go", Language.PYTHON: "py"}
_MATCHER_KEYS = ("rule", "constraints", "utils", "transform")
_RULE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_CLOSE = 0.6  # difflib's own default cutoff for a close match
_NEAR_BEST = 0.1  # a guess this far behind the closest one is noise beside it


def _load_check(folder: Path) -> CheckFn | None:
    """The folder's ``check(match)`` predicate: imported as a module of this package when the
    folder is one of the catalogue's, by file path when it sits elsewhere."""
    path = folder / "check.py"
    if not path.is_file():
        return None
    if folder.parent.parent == CATALOGUE_DIR:
        module = importlib.import_module(f"perfaudit.rules.{folder.parent.name}.{folder.name}.check")
    else:
        spec = importlib.util.spec_from_file_location(f"perfaudit_rule_{folder.name}", path)
        if spec is None or spec.loader is None:
            raise RuleError(f"{path}: cannot load predicate")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    check = getattr(module, "check", None)
    if not callable(check):
        raise RuleError(f"{path}: defines no check(match) function")
    return check  # type: ignore[no-any-return]


def rule_id_of(folder: Path) -> str:
    """The id a rule folder's ``rule.yml`` must declare: the folder's name in kebab case."""
    return folder.name.replace("_", "-")


def _derived_literals(meta: RuleMeta) -> RuleMeta:
    """Literals written nowhere are the anchors' text: a file without one has no candidate."""
    if meta.literals or not meta.anchors:
        return meta
    texts = [anchor.removeprefix("^") for anchor in meta.anchors]
    if any(text.startswith(("re:", "(?i)")) or not text for text in texts):
        return meta
    return dataclasses.replace(meta, literals=tuple(texts))


def _parse_rule_doc(folder: Path) -> dict[str, Any]:
    import yaml  # only when rule files are read: a worker loads the compiled catalogue

    # libyaml's loader when PyYAML was built with it
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        doc = yaml.load((folder / "rule.yml").read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{folder}/rule.yml: {exc}") from exc
    if not isinstance(doc, dict):
        raise RuleError(f"{folder}/rule.yml: not a mapping")
    return doc


def load_rule(folder: Path) -> Rule:
    """Load and validate one rule folder."""
    doc = _parse_rule_doc(folder)
    rule_id = doc.get("id")
    if rule_id != rule_id_of(folder):
        raise RuleError(f"{folder}: id {rule_id!r} differs from the folder's name "
                        f"({rule_id_of(folder)!r} in kebab case)")
    from pydantic import ValidationError  # only when rule files are read

    try:
        language = Language(str(doc.get("language", "")).lower())
        # pydantic's validator, built only when rule files are read
        meta = _derived_literals(adapter(RuleMeta).validate_python(doc.get("metadata") or {}))
    except (ValueError, ValidationError) as exc:
        raise RuleError(f"{folder}/rule.yml: {exc}") from exc
    if "rule" not in doc:
        raise RuleError(f"{folder}/rule.yml: no `rule:`")
    return Rule(
        id=rule_id,
        language=language,
        message=str(doc.get("message", meta.title)).strip(),
        note=str(doc.get("note", "")).strip(),
        matcher={key: doc[key] for key in _MATCHER_KEYS if key in doc},
        meta=meta,
        folder=str(folder),
        check=_load_check(folder),
    )


def rule_folders(root: Path = CATALOGUE_DIR) -> list[Path]:
    """Every rule folder under ``root``, sorted by language then id."""
    folders = (path.parent for path in root.glob("*/*/rule.yml"))
    return sorted(folders, key=lambda folder: (folder.parent.name, rule_id_of(folder)))


@cache
def load_catalogue(root: Path = CATALOGUE_DIR) -> tuple[Rule, ...]:
    """All rules under ``root``; raises RuleError on the first malformed folder."""
    return tuple(load_rule(folder) for folder in rule_folders(root))


def compile_catalogue(rules: Iterable[Rule]) -> list[dict[str, Any]]:
    """The built-in catalogue's rules as JSON's types, loaded again by :func:`load_compiled`
    without reading YAML or validating (what every worker process would otherwise do)."""
    return [{"id": rule.id, "language": rule.language.value, "message": rule.message,
             "note": rule.note, "matcher": plain(rule.matcher), "meta": plain(rule.meta),
             "check": rule.check is not None} for rule in rules]


def load_compiled(items: Any) -> tuple[Rule, ...]:
    """The rules :func:`compile_catalogue` gave; ``ValueError`` for anything else. Each rule's
    folder and predicate are found from its id in the built-in catalogue, never from the data."""
    try:
        if not isinstance(items, list) or not items:
            raise ValueError("no list of rules")
        return tuple(_compiled_rule(item) for item in items)
    except (KeyError, TypeError, ValueError, AttributeError, RuleError) as exc:
        raise ValueError(f"not a compiled catalogue: {exc}") from exc


def _compiled_rule(item: dict[str, Any]) -> Rule:
    language = Language(item["language"])
    if not _RULE_ID.fullmatch(str(item["id"])):
        raise RuleError(f"not a rule id: {item['id']!r}")
    folder = CATALOGUE_DIR / language.value / str(item["id"]).replace("-", "_")
    if not (folder / "rule.yml").is_file():
        raise RuleError(f"no rule {item['id']!r} in the catalogue")
    meta = dict(item["meta"])
    meta.update(category=Category(meta["category"]), severity=Severity(meta["severity"]),
                status=RuleStatus(meta["status"]),
                by_version=tuple(VersionOverride(**{
                    **override, "severity": Severity(override["severity"])
                    if override["severity"] else None}) for override in meta["by_version"]),
                **{name: tuple(meta[name]) for name in ("references", "literals", "anchors")})
    return Rule(id=str(item["id"]), language=language, message=str(item["message"]),
                note=str(item["note"]), matcher=item["matcher"], meta=RuleMeta(**meta),
                folder=str(folder), check=_load_check(folder) if item["check"] else None)


def installed_catalogue() -> tuple[Rule, ...]:
    """The built-in catalogue, from its compiled form in the user's cache when this
    installation wrote one (as Python keeps compiled modules); read from the rule files, and
    compiled for the next process, otherwise. A compiled form that does not load is ignored."""
    if load_catalogue.cache_info().currsize:  # loaded already (or by the parent it forked from)
        return load_catalogue()
    with contextlib.suppress(ValueError):
        return load_compiled(installation.read_compiled("catalogue"))
    rules = load_catalogue()
    installation.write_compiled("catalogue", compile_catalogue(rules))
    return rules


def select_rules(
    rules: Iterable[Rule],
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    preview: bool = False,
) -> tuple[Rule, ...]:
    """Rules to run: ``select`` (ids or categories) narrows, ``ignore`` removes.

    Preview rules run only when named in ``select`` or when ``preview`` is set.
    """
    wanted, unwanted = set(select), set(ignore)
    chosen = []
    for rule in rules:
        keys = {rule.id, str(rule.meta.category), str(rule.language)}
        if wanted and not keys & wanted:
            continue
        if keys & unwanted:
            continue
        if rule.is_preview and not (preview or rule.id in wanted):
            continue
        chosen.append(rule)
    return tuple(chosen)


def selectable_names(rules: Iterable[Rule]) -> frozenset[str]:
    """What ``select`` and ``ignore`` accept: every rule id, category and language."""
    known: set[str] = set()
    for rule in rules:
        known |= {rule.id, str(rule.meta.category), str(rule.language)}
    return frozenset(known)


def unknown_rule_names(names: Iterable[str], rules: Iterable[Rule]) -> list[str]:
    """Names in ``names`` that are neither a rule id, a category nor a language."""
    return sorted(set(names) - selectable_names(rules))


def closest_names(name: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """The known names a user most likely meant by ``name``, at most ``limit``: those it
    begins (a prefix typed short), then the closest spellings (those about as close as the
    closest one, so one clear guess is not followed by far-fetched ones)."""
    candidates = sorted(set(known))
    typed = name.strip().lower()
    prefixed = [c for c in candidates if c.startswith(typed)] if len(typed) >= 3 else []
    scored = sorted(((difflib.SequenceMatcher(None, typed, c).ratio(), c) for c in candidates),
                    key=lambda pair: (-pair[0], pair[1]))
    best = scored[0][0] if scored else 0.0
    spelled = [c for ratio, c in scored if ratio >= max(_CLOSE, best - _NEAR_BEST)]
    return list(dict.fromkeys([*prefixed, *spelled]))[:limit]


def example_paths(rule: Rule) -> tuple[Path, Path]:
    """The rule's ``bad.<ext>`` and ``good.<ext>`` example files."""
    ext = EXAMPLE_EXT[rule.language]
    folder = Path(rule.folder)
    return folder / f"bad.{ext}", folder / f"good.{ext}"
