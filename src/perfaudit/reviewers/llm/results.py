"""Turn batch outcomes into what a reviewer reports: coverage, diagnostics, progress, dry-run plans."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from perfaudit.model import Diagnostic, ReviewerRun, Skip
from perfaudit.reviewers.base import ProgressFn, ReviewResult
from perfaudit.reviewers.llm.batch import Batch, estimate_tokens
from perfaudit.reviewers.llm.cache import AnswerCache
from perfaudit.reviewers.llm.dispatch import Outcome, Plan, State, cached_outcomes
from perfaudit.reviewers.llm.ground import Rejection
from perfaudit.reviewers.llm.prepare import Prepared
from perfaudit.wording import plural

_OK = frozenset({State.ANSWERED, State.CACHED})
_SKIP_REASON = {State.FAILED: "LLM request failed", State.INVALID: "invalid LLM answer"}


class FileProgress:
    """Calls ``progress`` once per file, when the last batch holding part of it is done."""

    def __init__(self, batches: Sequence[Batch], progress: ProgressFn) -> None:
        self._left = Counter(c.path for b in batches for c in b.chunks)
        self._progress = progress
        self._done = 0

    def skipped(self, count: int) -> None:
        """Count files that will not be sent at all as done."""
        for _ in range(count):
            self._done += 1
            self._progress(self._done)

    def done(self, outcome: Outcome) -> None:
        """Record one finished batch."""
        for chunk in outcome.batch.chunks:
            self._left[chunk.path] -= 1
            if self._left[chunk.path] == 0:
                self._done += 1
                self._progress(self._done)


def unpriced(plan: Plan) -> Plan:
    """A plan that sends nothing new: without prices a cost limit cannot be kept."""
    return replace(plan, estimates=dict.fromkeys(plan.estimates, math.inf),
                   over_budget="no price configured for this provider, so --max-cost "
                               "cannot be enforced (set price_in_per_mtok and price_out_per_mtok)")


def rejection(reviewer: str, item: Rejection) -> Diagnostic:
    """The diagnostic for a finding dropped by grounding."""
    line = item.line if item.line and item.line > 0 else None
    return Diagnostic(source=reviewer, kind="llm-rejected-finding", path=item.path[:200],
                      line=line, message=f"{item.title[:120]}: {item.reason}")


def _names(batch: Batch) -> str:
    paths = batch.paths
    return ", ".join(paths[:4]) + (f", … ({len(paths) - 4} more)" if len(paths) > 4 else "")


def outcome_diagnostics(reviewer: str, outcomes: Sequence[Outcome]) -> list[Diagnostic]:
    """One diagnostic per failed or invalid batch, one for every batch not sent."""
    kinds = {State.FAILED: "llm-request-failed", State.INVALID: "llm-invalid-answer"}
    found = [Diagnostic(source=reviewer, kind=kinds[o.state], path=o.batch.paths[0],
                        message=f"batch {o.batch.index} ({_names(o.batch)}): {o.message}")
             for o in outcomes if o.state in kinds]
    unsent = [o for o in outcomes if o.state is State.OVER_BUDGET]
    if unsent:
        files = len({p for o in unsent for p in o.batch.paths})
        found.append(Diagnostic(source=reviewer, kind="llm-budget",
                                message=f"{unsent[0].message}: {plural(len(unsent), 'batch', 'batches')}, "
                                        f"{plural(files, 'file')} not reviewed"))
    return found


def coverage(outcomes: Sequence[Outcome], prepared: Prepared) -> tuple[frozenset[str], tuple[Skip, ...]]:
    """Files every part of which was reviewed, and the others with the reason."""
    states: dict[str, list[Outcome]] = {}
    for o in outcomes:
        for chunk in o.batch.chunks:
            states.setdefault(chunk.path, []).append(o)
    reviewed = frozenset(p for p, got in states.items() if all(o.state in _OK for o in got))
    skipped = list(prepared.skipped)
    for path in sorted(set(states) - reviewed):
        bad = next(o for o in states[path] if o.state not in _OK)
        reason = _SKIP_REASON.get(bad.state, bad.message)
        partly = any(o.state in _OK for o in states[path])
        skipped.append(Skip(path=path, reason=f"partly reviewed; {reason}" if partly else reason))
    return reviewed, tuple(skipped)


def dry_run(reviewer: str, model: str, batches: Sequence[Batch], *, plan: Plan,
            cache: AnswerCache, prepared: Prepared) -> ReviewResult:
    """What a real run would send, as ``dry-run`` diagnostics; nothing is sent."""
    cached = cached_outcomes(batches, plan, cache)
    lines: list[Diagnostic] = []
    total_in = total_cost = 0.0
    for b in batches:
        tokens = estimate_tokens(plan.prompts[b.index].as_text())
        hit = b.index in cached
        cost = 0.0 if hit else plan.estimates[b.index]
        if not hit:
            total_in, total_cost = total_in + tokens, total_cost + cost
        state = "cached, free" if hit else f"~{tokens:,} tokens in, ≤{plan.max_output_tokens:,} out"
        lines.append(Diagnostic(source=reviewer, kind="dry-run", path=b.paths[0], message=(
            f"batch {b.index}/{len(batches)}: {plural(len(b.paths), 'file')} ({_names(b)}), "
            f"{plural(len(b.chunks), 'part')}, {state}" + ("" if hit else _price(cost, plan)))))
    requests = len(batches) - len(cached)
    lines.append(Diagnostic(source=reviewer, kind="dry-run", message=(
        f"total: {plural(len(batches), 'batch', 'batches')}, {plural(requests, 'request')}, "
        f"{len(cached)} cached, "
        f"~{int(total_in):,} tokens in, ≤{requests * plan.max_output_tokens:,} out"
        + _price(total_cost, plan))))
    lines.extend(Diagnostic(source=reviewer, kind="dry-run", path=s.path,
                            message=f"not sent: {s.reason}") for s in prepared.skipped)
    return ReviewResult(run=ReviewerRun(name=reviewer, model=model or None),
                        diagnostics=(*prepared.diagnostics, *lines))


def _price(cost: float, plan: Plan) -> str:
    if not plan.pricing.known:
        return ", cost unknown (no price configured)"
    return f", ≤${cost:.4f}"
