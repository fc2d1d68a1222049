"""Question generation workflows: configs, requests, the engines, caching and the log."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interviewgenius.engines.llm import LLMClient, LLMError, is_configured
from interviewgenius.http.errors import Conflict, DomainError
from questions import metrics, selectors
from questions.analysis import ResumeProfile, analyse_resume
from questions.engines import llm as llm_engine
from questions.engines import template as template_engine
from questions.engines.types import EngineResult, GenerationSpec
from questions.models import (
    Engine,
    GenerationConfig,
    GenerationLog,
    GenerationStatus,
    Question,
)
from questions.skills import canonical_skill
from resumes.models import Resume, ResumeStatus

logger = logging.getLogger(__name__)

DEFAULT_COUNT = 10
MAX_COUNT = 50  # a mock interview longer than this is not practice any more
DEFAULT_DIFFICULTY = {"easy": 0.3, "medium": 0.5, "hard": 0.2}
# A run claimed longer ago than the task's hard time limit (180 s) has lost its worker.
STALE_RUN_SECONDS = 200


class NotParsedYet(Conflict):
    code = "resume_not_ready"
    default_message = _(
        "This resume has not been read yet. Wait until it is ready (or fix its errors) and "
        "generate again."
    )


class GenerationFailed(DomainError):
    status_code = 503
    code = "generation_failed"
    default_message = _("The questions could not be generated. Try again in a moment.")


@dataclass
class GenerationOutcome:
    log: GenerationLog
    questions: list[Question]
    cached: bool = False


# --- Configs ------------------------------------------------------------------------------


@transaction.atomic
def create_config(*, owner: Any, data: dict[str, Any]) -> GenerationConfig:
    _refuse_duplicate_name(owner, data.get("name"), exclude=None)
    return GenerationConfig.objects.create(owner=owner, **data)


@transaction.atomic
def update_config(*, config: GenerationConfig, data: dict[str, Any]) -> GenerationConfig:
    if "name" in data:
        _refuse_duplicate_name(config.owner, data["name"], exclude=config.pk)
    for name, value in data.items():
        setattr(config, name, value)
    config.save()
    return config


def delete_config(*, config: GenerationConfig) -> None:
    config.delete()  # its logs keep their parameters; the link becomes null


def _refuse_duplicate_name(owner: Any, name: Any, exclude: int | None) -> None:
    clash = GenerationConfig.objects.owned_by(owner).filter(name=name)
    if exclude is not None:
        clash = clash.exclude(pk=exclude)
    if name is not None and clash.exists():
        raise DomainError(
            _("You already have a config with this name."),
            details={"name": [str(_("You already have a config with this name."))]},
        )


# --- Generation ---------------------------------------------------------------------------


def build_spec(
    *,
    user: Any,
    resume_language: str,
    config: GenerationConfig | None,
    count: int | None = None,
    language: str | None = None,
    seed: int | None = None,
) -> GenerationSpec:
    """The request's settings over the config's over the candidate's preferences."""
    mix = getattr(user, "question_mix", None) or {}
    type_distribution = (
        (config.type_distribution if config else None)
        or {name: float(share) / 100 for name, share in mix.items()}
        or {"technical": 0.6, "behavioral": 0.3, "situational": 0.1}
    )
    rules = (config.custom_rules if config else None) or {}
    return GenerationSpec(
        count=count or (config.count if config else DEFAULT_COUNT),
        language=language or (config.language if config else "") or resume_language,
        type_distribution={k: float(v) for k, v in type_distribution.items()},
        difficulty_distribution={
            k: float(v)
            for k, v in (
                (config.difficulty_distribution if config else None) or DEFAULT_DIFFICULTY
            ).items()
        },
        skill_categories=frozenset((config.skill_categories if config else None) or ()),
        exclude_skills=_canonical_names(rules.get("exclude_skills", ())),
        focus_skills=_canonical_names(rules.get("focus_skills", ())),
        focus_latest_role=bool(rules.get("focus_latest_role", False)),
        seed=seed or 0,
    )


def _canonical_names(names: Any) -> frozenset[str]:
    out = set()
    for name in names or ():
        entry = canonical_skill(str(name))
        out.add((entry.name if entry else str(name)).casefold())
    return frozenset(out)


def generate_questions(
    *,
    user: Any,
    resume: Resume,
    config: GenerationConfig | None = None,
    count: int | None = None,
    language: str | None = None,
    seed: int | None = None,
    engine: str = "auto",
) -> GenerationOutcome:
    """Questions for ``resume``: from the cache, inline from the bank, or queued for the LLM."""
    result = (
        getattr(resume, "parse_result", None) if resume.status == ResumeStatus.COMPLETED else None
    )
    if result is None:
        raise NotParsedYet(details={"status": resume.status})
    merged = result.merged()
    spec = build_spec(
        user=user,
        resume_language=merged.get("language") or "en",
        config=config,
        count=count,
        language=language,
        seed=seed,
    )
    # An explicit "llm" without a configured model is still recorded as requested, so
    # the log and the response show the fallback the client asked about.
    wanted = Engine.LLM if engine != Engine.TEMPLATE and is_configured() else Engine.TEMPLATE
    version, _ = selectors.template_bank(spec.language)
    key = _cache_key(resume, result.updated_at.isoformat(), spec, wanted, version)

    cached = _from_cache(key, resume)
    if cached is not None:
        metrics.CACHE.labels("hit").inc()
        return cached
    metrics.CACHE.labels("miss").inc()

    log = GenerationLog.objects.create(
        resume=resume,
        config=config,
        params=spec.as_params(),
        cache_key=key,
        engine_requested=Engine.LLM if engine == Engine.LLM else wanted,
    )
    if wanted == Engine.LLM:
        from questions.tasks import generate_questions_task

        log.stage = "queued"
        log.save(update_fields=["stage"])
        transaction.on_commit(lambda: generate_questions_task.delay(log.pk))
        return GenerationOutcome(log=log, questions=[])
    run_generation(log=log, target_role=getattr(user, "target_role", ""))
    log.refresh_from_db()
    return GenerationOutcome(log=log, questions=selectors.questions_of(log))


def _cache_key(
    resume: Resume, result_version: str, spec: GenerationSpec, engine: str, bank: Any
) -> str:
    material = json.dumps(
        [resume.pk, result_version, spec.as_params(), engine, list(bank)],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(material.encode()).hexdigest()


def _from_cache(key: str, resume: Resume) -> GenerationOutcome | None:
    log_id = cache.get(f"questions:gen:{key}")
    if log_id is None:
        return None
    log = (
        GenerationLog.objects.filter(
            pk=log_id, resume=resume, cache_key=key, status=GenerationStatus.COMPLETED
        )
        .select_related("config")
        .first()
    )
    if log is None:
        return None
    return GenerationOutcome(log=log, questions=selectors.questions_of(log), cached=True)


def claim(log_id: int) -> bool:
    """Pending -> running, once; or take over a run whose worker died.

    A redelivered message finds the generation running and leaves it alone, unless the
    run started longer ago than the task's hard time limit allows: then the worker that
    held it is dead (late acknowledgement brought the message back) and this one redoes
    it. Nothing half-done survives a dead worker: questions are saved in one transaction.
    """
    now = timezone.now()
    stale = now - timedelta(seconds=STALE_RUN_SECONDS)
    pending = Q(status=GenerationStatus.PENDING)
    abandoned = Q(status=GenerationStatus.RUNNING, claimed_at__lt=stale)
    return (
        GenerationLog.objects.filter(Q(pk=log_id) & (pending | abandoned)).update(
            status=GenerationStatus.RUNNING, stage="analysing", progress=10, claimed_at=now
        )
        == 1
    )


def run_generation(*, log: GenerationLog, target_role: str = "") -> None:
    """Analyse the resume, run the engine (falling back to the bank), save the questions."""
    started = time.perf_counter()
    resume = log.resume
    merged = resume.parse_result.merged()
    profile = analyse_resume(merged, target_role=target_role or resume.owner.target_role)
    spec = GenerationSpec.from_params(log.params)
    _, templates = selectors.template_bank(spec.language)
    outcome = _run_engine(log, profile, templates, spec)
    elapsed_ms = (time.perf_counter() - started) * 1000
    _save(log, outcome, profile, spec, elapsed_ms)
    metrics.GENERATION_SECONDS.labels(outcome.engine).observe(elapsed_ms / 1000)
    if outcome.fallback_reason:
        metrics.FALLBACKS.labels(outcome.fallback_reason).inc()
    metrics.SKILL_COVERAGE.observe(skill_coverage(profile, outcome))


def _run_engine(
    log: GenerationLog, profile: ResumeProfile, templates: list[Any], spec: GenerationSpec
) -> EngineResult:
    if log.engine_requested == Engine.LLM and not is_configured():
        result = template_engine.generate(profile, templates, spec)
        result.fallback_reason = "not_configured"
        return result
    if log.engine_requested != Engine.LLM:
        return template_engine.generate(profile, templates, spec)

    def on_attempt(attempt: int) -> None:
        GenerationLog.objects.filter(pk=log.pk).update(
            stage="asking_llm", progress=min(30 + 20 * (attempt - 1), 80), attempts=attempt
        )

    try:
        return llm_engine.generate(
            profile, templates, spec, client=LLMClient(), on_attempt=on_attempt
        )
    except LLMError as exc:
        logger.warning(
            "llm generation fell back to templates",
            extra={"generation": log.pk, "reason": exc.reason, "attempts": exc.attempts},
        )
        result = template_engine.generate(profile, templates, spec)
        result.fallback_reason = exc.reason
        result.attempts = exc.attempts
        result.error = str(exc)
        return result


@transaction.atomic
def _save(
    log: GenerationLog,
    outcome: EngineResult,
    profile: ResumeProfile,
    spec: GenerationSpec,
    elapsed_ms: float,
) -> None:
    params = spec.as_params()
    Question.objects.bulk_create(
        Question(
            resume_id=log.resume_id,
            generation=log,
            template_id=q.template_id,
            source=q.source,
            position=index,
            language=spec.language,
            text=q.text,
            question_type=q.question_type,
            difficulty=q.difficulty,
            skill=q.skill,
            skill_category=q.skill_category,
            competency=q.competency,
            keywords=q.keywords,
            answer_points=q.answer_points,
            generation_params={**params, "engine": q.source, "template": q.template_key},
        )
        for index, q in enumerate(outcome.questions)
    )
    log.engine_used = outcome.engine
    log.fallback_reason = outcome.fallback_reason
    log.status = GenerationStatus.COMPLETED
    log.stage = "done"
    log.progress = 100
    log.success_count = len(outcome.questions)
    log.failure_count = max(0, spec.count - len(outcome.questions))
    log.attempts = outcome.attempts
    log.duration_ms = round(elapsed_ms, 2)
    log.error_message = outcome.error
    log.warnings = outcome.warnings
    log.skills_analysis = profile.as_dict()
    log.finished_at = timezone.now()
    log.save()
    key, log_id = f"questions:gen:{log.cache_key}", log.pk
    timeout = settings.QUESTION_CACHE_SECONDS
    if timeout:
        transaction.on_commit(lambda: cache.set(key, log_id, timeout))


def fail_generation(*, log_id: int, message: str) -> None:
    GenerationLog.objects.filter(pk=log_id).exclude(status=GenerationStatus.COMPLETED).update(
        status=GenerationStatus.FAILED,
        stage="failed",
        error_message=message,
        finished_at=timezone.now(),
    )


def skill_coverage(profile: ResumeProfile, outcome: EngineResult) -> float:
    """Share of the resume's top skills that at least one question asks about."""
    top = [s.canonical for s in profile.top_skills(template_engine.TOP_SKILLS)]
    if not top:
        return 1.0
    asked = set()
    for question in outcome.questions:
        if question.skill:
            entry = canonical_skill(question.skill)
            asked.add(entry.name if entry else question.skill)
    return sum(name in asked for name in top) / len(top)
