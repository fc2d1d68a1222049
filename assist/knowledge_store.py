"""The process's index of answer templates and bank questions, rebuilt when staff edit them.

Building it reads ~1,000 rows; a suggestion must not pay that, so the index is kept per
process and rebuilt only when the tables' version (row count and last edit) changes,
checked at most every few seconds.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from django.db.models import Count, Max

from assist.models import AnswerTemplate
from assist.suggest import BankEntry, Knowledge, TemplateCard
from questions.models import QuestionTemplate

CHECK_EVERY_SECONDS = 5.0

_lock = threading.Lock()
_cached: Knowledge | None = None
_version: tuple[Any, ...] | None = None
_checked_at = 0.0


def _current_version() -> tuple[Any, ...]:
    templates = AnswerTemplate.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    bank = QuestionTemplate.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    return (templates["n"], templates["at"], bank["n"], bank["at"])


def knowledge() -> Knowledge:
    global _cached, _version, _checked_at
    now = time.monotonic()
    if _cached is not None and now - _checked_at < CHECK_EVERY_SECONDS:
        return _cached
    with _lock:
        version = _current_version()
        _checked_at = time.monotonic()
        if _cached is None or version != _version:
            _cached = _build()
            _version = version
        return _cached


def _build() -> Knowledge:
    templates = [
        TemplateCard.from_dict(dict(row))
        for row in AnswerTemplate.objects.active().values(
            "key",
            "language",
            "question_type",
            "competency",
            "skill_category",
            "title",
            "cues",
            "points",
            "template_text",
        )
    ]
    bank = [
        BankEntry.from_dict(dict(row))
        for row in QuestionTemplate.objects.active()
        .filter(question_type="technical")
        .values("language", "question_type", "skill", "text", "keywords", "answer_points")
    ]
    return Knowledge(templates=templates, bank=bank)


def forget() -> None:
    """Drop the index (tests that change the tables call this)."""
    global _cached, _version
    with _lock:
        _cached = None
        _version = None
