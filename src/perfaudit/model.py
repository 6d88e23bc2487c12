"""Core data model: frozen records that every stage passes along. Imports only the stdlib."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How soon a finding should be fixed; P0 is the most urgent."""

    P0 = "P0"
    P1 = "P1"
    P2 = "P2"

    @property
    def rank(self) -> int:
        """Sort key: 0 for P0 (most urgent) to 2 for P2."""
        return int(self.value[1])

    def raised(self) -> Severity:
        """One level more urgent, stopping at P0."""
        return Severity(f"P{max(self.rank - 1, 0)}")

    def lowered(self) -> Severity:
        """One level less urgent, stopping at P2."""
        return Severity(f"P{min(self.rank + 1, 2)}")


class Category(StrEnum):
    """The performance taxonomy of DESIGN §2."""

    ALGORITHMIC = "algorithmic"
    LOOP_INVARIANT_WORK = "loop-invariant-work"
    ALLOCATION = "allocation"
    IO = "io"
    CACHING = "caching"
    CONCURRENCY = "concurrency"
    LEAK = "leak"
    LIFECYCLE = "lifecycle"
    NETWORK = "network"
    SERIALIZATION = "serialization"
    CORRECTNESS = "correctness"
    UNCLASSIFIED = "unclassified"
    """A finding whose reviewer named no category (an imported SARIF result without one)."""


class Language(StrEnum):
    """Languages perfaudit audits."""

    GO = "go"
    PYTHON = "python"


class Agreement(StrEnum):
    """How many of the reviewers that saw a file reported a finding."""

    ALL = "all"
    MAJORITY = "majority"
    SINGLE = "single"


class Tier(StrEnum):
    """How a match is shown, by how often its code runs (DESIGN §10).

    A *finding* runs hot (evidence in its text), a *lead* runs periodically or has no evidence
    either way (own section, SARIF ``note``, never fails a build). Two kinds are left out of
    a report (counted, shown only on request): an *unproven* match is a per-run cost (an
    allocation, a loop-invariant call) in code with no evidence that it runs often, which is
    how nearly all of them turn out; a *cold* match runs once or never in production.
    """

    FINDING = "finding"
    LEAD = "lead"
    UNPROVEN = "unproven"
    COLD = "cold"

    @property
    def rank(self) -> int:
        """Sort key: findings first, then leads, then the matches left out."""
        return ("finding", "lead", "unproven", "cold").index(self.value)

    @property
    def reported(self) -> bool:
        """Whether a report shows matches of this tier without ``--all``."""
        return self in (Tier.FINDING, Tier.LEAD)


class Status(StrEnum):
    """A finding's standing against the code it was found in."""

    NEW = "new"
    STILL_PRESENT = "still-present"
    PARTIAL = "partial"
    FIXED = "fixed"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """A span of lines in a repository file (1-based, inclusive)."""

    path: str
    start_line: int
    end_line: int
    function: str | None = None
    snippet: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """Something measured or observed that supports or weighs a finding."""

    kind: str
    summary: str
    detail: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Excerpt:
    """Lines of a file around a finding, as they read when the report was written."""

    start_line: int
    """The number of the first line in ``lines`` (1-based)."""
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One reviewer's raw finding."""

    reviewer: str
    rule: str | None
    category: Category
    severity: Severity
    title: str
    problem: str
    fix: str
    impact: str = ""
    effort: str = ""
    risk: str = ""
    testing: str = ""
    location: Location
    related: tuple[Location, ...] = ()
    confidence: float = 1.0
    evidence: tuple[Evidence, ...] = ()
    severity_reason: str = ""
    references: tuple[str, ...] = ()
    tier: Tier = Tier.FINDING
    heat: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class SeverityVote:
    """The severity one reviewer gave a consolidated finding."""

    reviewer: str
    severity: Severity


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsolidatedFinding:
    """A finding as the report shows it: one problem, possibly reported by several reviewers."""

    number: int
    fingerprint: str
    rule: str | None
    category: Category
    severity: Severity
    title: str
    problem: str
    fix: str
    impact: str = ""
    effort: str = ""
    risk: str = ""
    testing: str = ""
    location: Location
    related: tuple[Location, ...] = ()
    reviewers: tuple[str, ...]
    agreement: Agreement
    severity_votes: tuple[SeverityVote, ...] = ()
    resolution: str = ""
    status: Status = Status.NEW
    status_reason: str = ""
    """Why a re-validation gave this status ("moved to b.go:12 in `Run`", "line 40 now reads …")."""
    hotness: float | None = None
    evidence: tuple[Evidence, ...] = ()
    references: tuple[str, ...] = ()
    members: tuple[Finding, ...] = ()
    tier: Tier = Tier.FINDING
    heat: str = ""
    excerpt: Excerpt | None = None
    """The code around the finding, read from the audited tree when its reports were written."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Action:
    """One change that fixes one or more findings, as the action plan lists it."""

    title: str
    severity: Severity
    findings: tuple[int, ...]
    rationale: str
    effort: str = ""
    risk: str = ""
    testing: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceFile:
    """A file discovery chose to review."""

    path: str
    language: Language
    lines: int
    size: int
    digest: str = ""
    """The content address of the bytes discovery read ("" when unknown)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Skip:
    """A file discovery or a reviewer left out, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """A problem met during the run that did not stop it (bad file, failed reviewer, ...)."""

    source: str
    kind: str
    message: str
    path: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewerRun:
    """What one reviewer did in an audit."""

    name: str
    model: str | None = None
    files_reviewed: int = 0
    findings: int = 0
    duration_s: float = 0.0
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0
    errors: int = 0
    rejected: int = 0
    available: bool = True
    prompt_version: str | None = None
    not_reviewed: tuple[Skip, ...] = ()
    cache_hits: int = 0
    """Files whose result came from the result cache (unchanged since an earlier run)."""
    cache_misses: int = 0
    """Files reviewed afresh although a result cache was in use."""


class TriageStatus(StrEnum):
    """A team's decision about a finding, kept in ``.perfaudit/triage.toml``."""

    FALSE_POSITIVE = "false-positive"
    ACCEPTED = "accepted"
    DEFERRED = "deferred"
    WONT_FIX = "wont-fix"
    ADJUDICATED = "adjudicated"
    """The finding stays in the report, at the severity the team decided."""

    @property
    def hides(self) -> bool:
        """Whether an active decision takes its finding out of the report."""
        return self is not TriageStatus.ADJUDICATED


class TriageState(StrEnum):
    """How a triage decision applied to this audit."""

    ACTIVE = "active"
    EXPIRED = "expired"
    UNMATCHED = "unmatched"


@dataclass(frozen=True, slots=True, kw_only=True)
class Triage:
    """One triage decision and how it applied: while active it hides its finding, or (when
    adjudicated) sets its severity."""

    fingerprint: str
    status: TriageStatus
    reason: str
    until: str | None = None
    state: TriageState = TriageState.ACTIVE
    rule: str | None = None
    path: str | None = None
    title: str = ""
    severity: Severity | None = None
    """The severity an adjudication sets (only with status ``adjudicated``)."""
    author: str = ""
    """Who decided (``git config user.name`` when not given)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Revalidation:
    """Counts of a re-validation of an earlier audit against newer code."""

    audit_id: str
    validated_at: str
    still_present: int = 0
    partial: int = 0
    fixed: int = 0
    unknown: int = 0
    new: int = 0
    """Findings of the newer code that no earlier finding matched."""
    commit: str | None = None
    """The commit the earlier audit was re-validated against (None outside git)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditInfo:
    """Facts about one audit run: what, when, by whom, over which files."""

    id: str
    target: str
    commit: str | None
    started: str
    finished: str
    tool_version: str
    language_versions: dict[str, str] = field(default_factory=dict)
    reviewers: tuple[ReviewerRun, ...] = ()
    files_scanned: int = 0
    lines_scanned: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_files: tuple[Skip, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    repository_url: str | None = None
    path_prefix: str = ""
    revalidation: Revalidation | None = None
    hidden_by_baseline: int = 0
    baseline: str | None = None
    complete: bool = True
    incomplete_reasons: tuple[str, ...] = ()
    cold_matches: int = 0
    """Matches not reported because their code runs once or never in production."""
    unproven_matches: int = 0
    """Per-run costs not reported because nothing says their code runs often."""
    cold_shown: bool = False
    """Whether the matches left out (cold and unproven) are in ``findings`` (``--all``)."""
    focus: tuple[str, ...] = ()
    """The files the audit reports on when it was asked for some only (empty: every file)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BenchmarkMetric:
    """One benchmark's measurement in one unit at two revisions (median and 95 % interval)."""

    benchmark: str
    unit: str
    before: float | None = None
    after: float | None = None
    before_interval: tuple[float, float] | None = None
    after_interval: tuple[float, float] | None = None
    delta_pct: float | None = None
    p_value: float | None = None
    significant: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class HotFunction:
    """A function's share of a profile, and the findings that sit in it."""

    name: str
    path: str = ""
    flat: float = 0.0
    cumulative: float = 0.0
    findings: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The whole result of an audit: what every renderer and the store receive."""

    schema_version: str
    audit: AuditInfo
    findings: tuple[ConsolidatedFinding, ...] = ()
    actions: tuple[Action, ...] = ()
    triaged: tuple[ConsolidatedFinding, ...] = ()
    triage: tuple[Triage, ...] = ()
    metrics: tuple[BenchmarkMetric, ...] = ()
    hot_functions: tuple[HotFunction, ...] = ()
    profile_source: str = ""
