"""LLM reviewers ``openai:MODEL``, ``ollama:MODEL``, ``anthropic:MODEL`` and ``cmd:NAME``."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence

from perfaudit.config import Config, key_env, provider_settings
from perfaudit.model import Diagnostic, Finding, ReviewerRun, Skip, SourceFile
from perfaudit.reviewers.base import ReviewContext, ReviewResult
from perfaudit.reviewers.llm import results
from perfaudit.reviewers.llm.batch import Batch, estimate_tokens, plan_batches, repo_map, split_file
from perfaudit.reviewers.llm.cache import AnswerCache, CacheKey
from perfaudit.reviewers.llm.cost import FREE, Pricing
from perfaudit.reviewers.llm.dispatch import Outcome, Plan, State, dispatch
from perfaudit.reviewers.llm.ground import ground
from perfaudit.reviewers.llm.prepare import Prepared, prepare_files
from perfaudit.reviewers.llm.prompt import prompt_version, render_prompt
from perfaudit.reviewers.llm.providers import (
    ANTHROPIC_URL,
    OLLAMA_URL,
    OPENAI_URL,
    AnthropicProvider,
    ApiSpec,
    CommandProvider,
    OpenAIProvider,
    Provider,
    ProviderUnavailable,
)


class LlmReviewer:
    """One model (or local command) reviewing batches of files."""

    def __init__(self, name: str, config: Config, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.name = name
        self._kind, _, self._model = name.partition(":")
        self._config = config
        self._settings = provider_settings(config, name)
        self._sleep = sleep

    def _pricing(self) -> Pricing:
        s = self._settings
        if self._kind == "ollama" and s.price_in_per_mtok is None and s.price_out_per_mtok is None:
            return FREE
        return Pricing(input_per_mtok=s.price_in_per_mtok, output_per_mtok=s.price_out_per_mtok)

    def _key(self) -> str:
        env = key_env(self._config, self.name)
        key = self._config.credentials.get(env) if env else None
        if key:
            return key
        if self._kind == "ollama" or self._settings.base_url:
            return "unused"  # local servers ignore the key, but the SDKs insist on one
        raise ProviderUnavailable(f"no API key: set {env} or providers.\"{self.name}\".api_key_env")

    def _provider(self) -> Provider:
        s = self._settings
        if self._kind == "cmd":
            return CommandProvider(name=self._model, command=s.command, timeout_s=s.timeout_s,
                                   max_output_tokens=s.max_output_tokens)
        if not self._model:
            raise ProviderUnavailable(f"no model named: use {self._kind}:MODEL")
        defaults = {"ollama": OLLAMA_URL, "anthropic": ANTHROPIC_URL, "openai": OPENAI_URL}
        base_url = s.base_url or defaults[self._kind]
        spec = ApiSpec(model=self._model, api_key=self._key(), base_url=base_url,
                       timeout_s=s.timeout_s, max_output_tokens=s.max_output_tokens,
                       structured_output=s.structured_output)
        if self._kind == "anthropic":
            return AnthropicProvider(spec)
        return OpenAIProvider(spec)

    def _schema_in_prompt(self) -> bool:
        return self._kind == "cmd" or not self._settings.structured_output

    def _plan(self, batches: Sequence[Batch], files: Sequence[SourceFile],
              ctx: ReviewContext) -> Plan:
        s = self._settings
        pricing = self._pricing()
        the_map = repo_map([f.path for f in files])
        prompts = {b.index: render_prompt(b, ctx.versions, the_map, self._schema_in_prompt())
                   for b in batches}
        version = prompt_version()
        keys = {b.index: CacheKey(provider=self._kind, model=self._model, prompt_version=version,
                                  batch_digest=batch_digest(b, ctx)) for b in batches}
        worst = {i: pricing.cost(estimate_tokens(p.as_text()), s.max_output_tokens)
                 for i, p in prompts.items()}
        return Plan(prompts=prompts, keys=keys, estimates=worst, pricing=pricing,
                    concurrency=s.concurrency, max_retries=s.max_retries, backoff_s=s.backoff_s,
                    limit=ctx.config.max_cost, max_output_tokens=s.max_output_tokens)

    def _unavailable(self, files: Sequence[SourceFile], reason: str) -> ReviewResult:
        return ReviewResult(
            run=ReviewerRun(name=self.name, model=self._model or None, available=False),
            diagnostics=(Diagnostic(source=self.name, kind="llm-unavailable", message=reason),),
            skipped=tuple(Skip(path=f.path, reason=f"reviewer unavailable: {reason}") for f in files))

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        """Review ``files`` in batches; findings are grounded, answers cached."""
        started = time.perf_counter()
        s = self._settings
        prepared = prepare_files(files, ctx.root, s, self.name)
        chunks = [c for f in prepared.files for c in split_file(f, s.batch_tokens)]
        batches = plan_batches(chunks, s.batch_tokens)
        plan = self._plan(batches, files, ctx)
        database = ctx.root / ctx.config.database
        if ctx.config.dry_run:
            return results.dry_run(self.name, self._model, batches, plan=plan,
                                   cache=AnswerCache(database, create=False), prepared=prepared)
        if ctx.config.max_cost is not None and not plan.pricing.known:
            plan = results.unpriced(plan)
        try:
            provider = self._provider()
        except ProviderUnavailable as exc:
            return self._unavailable(files, str(exc))
        progress = results.FileProgress(batches, ctx.progress)
        progress.skipped(len(prepared.skipped))
        try:
            outcomes = dispatch(batches, plan=plan, provider=provider,
                                cache=AnswerCache(database), ledger=ctx.ledger,
                                on_done=progress.done, sleep=self._sleep)
        finally:
            provider.close()
        return self._result(outcomes, prepared, ctx, time.perf_counter() - started)

    def _result(self, outcomes: list[Outcome], prepared: Prepared, ctx: ReviewContext,
                seconds: float) -> ReviewResult:
        findings: list[Finding] = []
        diagnostics = list(prepared.diagnostics)
        rejected = 0
        for outcome in outcomes:
            if outcome.answer is None:
                continue
            grounded = ground(self.name, outcome.answer, outcome.batch, prepared.by_path,
                              ctx.versions)
            findings.extend(grounded.findings)
            rejected += len(grounded.rejections)
            diagnostics.extend(results.rejection(self.name, r) for r in grounded.rejections)
        diagnostics.extend(results.outcome_diagnostics(self.name, outcomes))
        diagnostics.extend(Diagnostic(source=self.name, kind="llm-file-skipped", path=skip.path,
                                      message=skip.reason) for skip in prepared.skipped)
        reviewed, skipped = results.coverage(outcomes, prepared)
        states = Counter(o.state for o in outcomes)
        run = ReviewerRun(
            name=self.name, model=self._model or None, files_reviewed=len(reviewed),
            findings=len(findings), duration_s=round(seconds, 3),
            tokens_in=sum(o.tokens_in for o in outcomes),
            tokens_out=sum(o.tokens_out for o in outcomes),
            cost_usd=round(sum(o.cost_usd for o in outcomes), 6),
            errors=states[State.FAILED] + states[State.INVALID], rejected=rejected,
            prompt_version=prompt_version())
        return ReviewResult(run=run, findings=tuple(findings), diagnostics=tuple(diagnostics),
                            reviewed=reviewed, skipped=skipped)


def batch_digest(batch: Batch, ctx: ReviewContext) -> str:
    """The batch's content hash, with the language versions the prompt states."""
    versions = ",".join(f"{k}={v}" for k, v in sorted(ctx.versions.items()))
    return f"{batch.digest}:{versions}"


def make_llm_reviewer(name: str, config: Config) -> LlmReviewer:
    """Factory for the panel registry (``openai:``, ``ollama:``, ``anthropic:``, ``cmd:``)."""
    return LlmReviewer(name, config)

