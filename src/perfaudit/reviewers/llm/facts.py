"""Language-version facts an LLM claim must not contradict (pure, table-driven)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfaudit.langversion import parse_version
from perfaudit.model import Category, Language
from perfaudit.reviewers.llm.schema import AnswerFinding


@dataclass(frozen=True, slots=True, kw_only=True)
class VersionFact:
    """A recommendation that needs ``min_version``, or a claim true only below ``below``."""

    language: Language
    pattern: re.Pattern[str]
    where: str  # "fix": what the finding recommends; "claim": what it says is wrong
    message: str
    min_version: tuple[int, ...] | None = None
    below: tuple[int, ...] | None = None
    category: Category | None = None


_I = re.IGNORECASE
FACTS: tuple[VersionFact, ...] = (
    VersionFact(language=Language.GO, where="fix", min_version=(1, 22),
                pattern=re.compile(r"range\s+over\s+(an\s+)?int|range-over-int|"
                                   r"for\s+(\w+\s*:=\s*)?range\s+(\d+|n|len\([^)]*\))\s*\{?", _I),
                message="ranging over an integer needs Go 1.22"),
    VersionFact(language=Language.GO, where="fix", min_version=(1, 25),
                pattern=re.compile(r"\bwg\.Go\(|WaitGroup\)?\.Go\b", _I),
                message="sync.WaitGroup.Go needs Go 1.25"),
    VersionFact(language=Language.GO, where="fix", min_version=(1, 21),
                pattern=re.compile(r"\b(slices|maps)\.[A-Z]\w*|\bclear\(|\bmin\(|\bmax\("),
                message="slices/maps packages and min/max/clear builtins need Go 1.21"),
    VersionFact(language=Language.GO, where="claim", below=(1, 23), category=Category.LEAK,
                pattern=re.compile(r"time\.After\b", _I),
                message="from Go 1.23 an unstopped time.After timer is collected; it does not leak"),
    VersionFact(language=Language.PYTHON, where="fix", min_version=(3, 12),
                pattern=re.compile(r"itertools\.batched|\bbatched\("),
                message="itertools.batched needs Python 3.12"),
    VersionFact(language=Language.PYTHON, where="fix", min_version=(3, 11),
                pattern=re.compile(r"asyncio\.TaskGroup|asyncio\.timeout\("),
                message="asyncio.TaskGroup and asyncio.timeout need Python 3.11"),
    VersionFact(language=Language.PYTHON, where="fix", min_version=(3, 9),
                pattern=re.compile(r"functools\.cache\b(?!d)|@cache\b|removeprefix|removesuffix"),
                message="functools.cache and str.removeprefix need Python 3.9"),
)
_LEAK_WORDS = re.compile(r"\bleak|never (garbage[- ])?collected|not (be )?(garbage[- ])?collected", _I)


def _applies(fact: VersionFact, finding: AnswerFinding, version: tuple[int, ...]) -> bool:
    if fact.where == "fix":
        return fact.min_version is not None and version < fact.min_version and bool(
            fact.pattern.search(finding.fix))
    claim = f"{finding.title}\n{finding.problem}"
    if fact.below is None or version < fact.below or not fact.pattern.search(claim):
        return False
    return finding.category is fact.category or bool(_LEAK_WORDS.search(finding.title))


def version_conflict(finding: AnswerFinding, language: Language, version: str | None) -> str | None:
    """Why ``finding`` contradicts the target's language version, or None when it does not."""
    if not version:
        return None
    parsed = parse_version(version)
    if not parsed:
        return None
    for fact in FACTS:
        if fact.language is language and _applies(fact, finding, parsed):
            return f"{fact.message}; the target is {language.value} {version}"
    return None
