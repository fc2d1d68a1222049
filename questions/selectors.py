"""Reads for question generation: the bank (cached per process) and owner-scoped lookups."""

from __future__ import annotations

import threading
from typing import Any

from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _

from interviewgenius.http.errors import NotFound
from questions.bank import export_record
from questions.engines.types import TemplateSpec
from questions.models import GenerationConfig, GenerationLog, Question, QuestionTemplate
from resumes.models import Resume

_bank_lock = threading.Lock()
_bank_cache: dict[str, tuple[tuple[Any, ...], list[TemplateSpec]]] = {}


def bank_version(language: str) -> tuple[Any, ...]:
    """Changes whenever a template of ``language`` is added, edited, enabled or removed."""
    stats = QuestionTemplate.objects.filter(language=language).aggregate(
        n=Count("id"), active=Count("id", filter=Q(is_active=True)), changed=Max("updated_at")
    )
    return (stats["n"], stats["active"], str(stats["changed"]))


def template_bank(language: str) -> tuple[tuple[Any, ...], list[TemplateSpec]]:
    """The enabled templates of one language, and the bank version they were read at.

    Reading ~300 rows through the ORM costs more than generating from them, so each
    process keeps them until the version changes (one cheap aggregate per request).
    """
    version = bank_version(language)
    cached = _bank_cache.get(language)
    if cached is not None and cached[0] == version:
        return cached
    rows = QuestionTemplate.objects.active().filter(language=language).order_by("key")
    specs = [TemplateSpec.from_record(export_record(t), id=t.pk) for t in rows]
    with _bank_lock:
        _bank_cache[language] = (version, specs)
    return version, specs


def owned_resume(user: Any, resume_id: int) -> Resume | None:
    return Resume.objects.owned_by(user).filter(pk=resume_id).first()


def owned_config(user: Any, config_id: int) -> GenerationConfig | None:
    return GenerationConfig.objects.owned_by(user).filter(pk=config_id).first()


def questions_of(generation: GenerationLog) -> list[Question]:
    return list(generation.questions.order_by("position", "id"))


def resume_and_config(
    user: Any, resume_id: int, config_id: int | None
) -> tuple[Resume, GenerationConfig | None]:
    """The user's resume and (optional) config, or a 404 naming the one that is not theirs."""
    resume = owned_resume(user, resume_id)
    if resume is None:
        raise NotFound(_("No resume with this id."), details={"resume_id": resume_id})
    if config_id is None:
        return resume, None
    config = owned_config(user, config_id)
    if config is None:
        raise NotFound(_("No config with this id."), details={"config_id": config_id})
    return resume, config
