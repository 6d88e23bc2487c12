"""Send batches: cache first, then concurrent requests under a cost limit; Ctrl+C keeps what finished."""

from __future__ import annotations

import json
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from perfaudit.reviewers.base import CostLedger
from perfaudit.reviewers.llm.batch import Batch
from perfaudit.reviewers.llm.cache import AnswerCache, CachedAnswer, CacheKey
from perfaudit.reviewers.llm.cost import Pricing
from perfaudit.reviewers.llm.limits import answer_limit, over_limit
from perfaudit.reviewers.llm.prompt import Prompt
from perfaudit.reviewers.llm.providers import Provider, Reply
from perfaudit.reviewers.llm.retry import ProviderError, with_retries
from perfaudit.reviewers.llm.schema import Answer, parse_answer, validate_answer_object


class State(StrEnum):
    """How a batch ended."""

    ANSWERED = "answered"
    CACHED = "cached"
    FAILED = "failed"
    INVALID = "invalid"
    OVER_BUDGET = "over-budget"


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """One batch's result."""

    batch: Batch
    state: State
    answer: Answer | None = None
    message: str = ""
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0
    retries: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """What to send and how: one prompt, cache key and cost estimate per batch."""

    prompts: Mapping[int, Prompt]
    keys: Mapping[int, CacheKey]
    estimates: Mapping[int, float]
    pricing: Pricing
    concurrency: int
    max_retries: int
    backoff_s: float
    limit: float | None
    max_output_tokens: int
    over_budget: str = "cost limit reached (--max-cost)"


def _text(reply: Reply) -> str:
    """The answer as the text the cache keeps."""
    return reply.text if reply.text is not None else json.dumps(reply.data)


def _decode(reply: Reply, text: str) -> Answer | str:
    answer = parse_answer(text) if reply.text is not None else validate_answer_object(reply.data)
    if isinstance(answer, str) and reply.truncated:
        answer = f"answer cut off at the output token limit; {answer}"
    return answer


def _request(batch: Batch, plan: Plan, provider: Provider, cache: AnswerCache,
             sleep: Callable[[float], None]) -> Outcome:
    prompt = plan.prompts[batch.index]
    try:
        reply, retries = with_retries(lambda: provider.complete(prompt), max_retries=plan.max_retries,
                                      backoff_s=plan.backoff_s, sleep=sleep)
    except ProviderError as exc:
        return Outcome(batch=batch, state=State.FAILED, message=str(exc))
    except Exception as exc:  # a provider bug must not take the other batches down
        return Outcome(batch=batch, state=State.FAILED, message=f"{type(exc).__name__}: {exc}")
    cost = plan.pricing.cost(reply.tokens_in, reply.tokens_out)
    spent = Outcome(batch=batch, state=State.INVALID, tokens_in=reply.tokens_in,
                    tokens_out=reply.tokens_out, cost_usd=cost, retries=retries)
    text = _text(reply)
    too_long = over_limit(text, plan.max_output_tokens)
    if too_long is not None:  # never cached: a rerun asks again
        return replace(spent, state=State.FAILED, message=str(too_long))
    answer = _decode(reply, text)
    if isinstance(answer, str):
        return replace(spent, message=answer)
    cache.put(plan.keys[batch.index], CachedAnswer(answer=text, tokens_in=reply.tokens_in,
                                                   tokens_out=reply.tokens_out, cost_usd=cost))
    return replace(spent, state=State.ANSWERED, answer=answer)


def cached_outcomes(batches: Sequence[Batch], plan: Plan, cache: AnswerCache) -> dict[int, Outcome]:
    """Batches whose answer is already stored (and still valid)."""
    found: dict[int, Outcome] = {}
    limit = answer_limit(plan.max_output_tokens)
    for batch in batches:
        hit = cache.get(plan.keys[batch.index], max_chars=limit)
        answer = parse_answer(hit.answer) if hit is not None else None
        if isinstance(answer, Answer):
            found[batch.index] = Outcome(batch=batch, state=State.CACHED, answer=answer)
    return found


def _fill(pending: deque[Batch], reserved: dict[int, float], *, ledger: CostLedger, plan: Plan,
          start: Callable[[Batch], None]) -> None:
    """Start queued batches while a slot is free and the next one's worst case fits the limit."""
    while pending and len(reserved) < max(1, plan.concurrency):
        estimate = plan.estimates[pending[0].index]
        if not ledger.reserve(estimate, plan.limit):
            return
        batch = pending.popleft()
        reserved[batch.index] = estimate
        start(batch)


def dispatch(batches: Sequence[Batch], *, plan: Plan, provider: Provider, cache: AnswerCache,
             ledger: CostLedger, on_done: Callable[[Outcome], None],
             sleep: Callable[[float], None] = time.sleep) -> list[Outcome]:
    """Every batch's outcome, in batch order.

    A request is issued only if its worst-case cost fits under ``plan.limit`` with what was spent
    and what is in flight; batches that never fit end as OVER_BUDGET. On KeyboardInterrupt,
    queued batches are dropped, connections closed and the interrupt re-raised without waiting
    for requests in flight; answers already received are in the cache.
    """
    outcomes = cached_outcomes(batches, plan, cache)
    for outcome in outcomes.values():
        on_done(outcome)
    pending = deque(b for b in batches if b.index not in outcomes)
    finished: queue.Queue[Outcome] = queue.Queue()
    reserved: dict[int, float] = {}

    def start(batch: Batch) -> None:
        # a daemon thread: after Ctrl+C the process exits at once instead of waiting for answers
        threading.Thread(target=lambda: finished.put(_request(batch, plan, provider, cache, sleep)),
                         name=f"perfaudit-llm-{batch.index}", daemon=True).start()

    try:
        while pending or reserved:
            _fill(pending, reserved, ledger=ledger, plan=plan, start=start)
            if not reserved:
                break
            outcome = finished.get()
            ledger.settle(reserved.pop(outcome.batch.index), outcome.cost_usd)
            outcomes[outcome.batch.index] = outcome
            on_done(outcome)
    except KeyboardInterrupt:
        provider.close()
        raise
    for batch in pending:
        outcomes[batch.index] = Outcome(batch=batch, state=State.OVER_BUDGET,
                                        message=plan.over_budget)
    return [outcomes[b.index] for b in batches]
