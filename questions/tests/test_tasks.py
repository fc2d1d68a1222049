"""The generation task: exactly one run per generation, even when delivered again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from questions import services
from questions.models import GenerationLog, GenerationStatus
from questions.tasks import generate_questions_task
from questions.tests.factories import GO_KUBERNETES, parsed_resume

pytestmark = pytest.mark.django_db


def queued(user, *, count: int, status: str = GenerationStatus.PENDING) -> GenerationLog:
    resume = parsed_resume(user, GO_KUBERNETES)
    spec = services.build_spec(user=user, resume_language="en", config=None, count=count)
    return GenerationLog.objects.create(
        resume=resume,
        params=spec.as_params(),
        cache_key="k",
        engine_requested="template",
        status=status,
    )


def test_a_second_delivery_does_not_generate_twice(user, question_bank):
    log = queued(user, count=4)
    assert generate_questions_task.apply(args=(log.pk,)).get() == "completed"
    assert generate_questions_task.apply(args=(log.pk,)).get() == "skipped"
    assert GenerationLog.objects.get(pk=log.pk).questions.count() == 4


def test_a_run_abandoned_by_a_dead_worker_is_taken_over(user):
    log = queued(user, count=3, status=GenerationStatus.RUNNING)
    recently = timezone.now() - timedelta(seconds=5)
    GenerationLog.objects.filter(pk=log.pk).update(claimed_at=recently)
    assert services.claim(log.pk) is False  # its worker may still be at it
    long_ago = timezone.now() - timedelta(seconds=services.STALE_RUN_SECONDS + 1)
    GenerationLog.objects.filter(pk=log.pk).update(claimed_at=long_ago)
    assert services.claim(log.pk) is True
    assert services.claim(log.pk) is False  # and only one taker


def test_a_crash_marks_the_generation_failed_with_a_message(user, question_bank, monkeypatch):
    log = queued(user, count=3)

    def explode(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "run_generation", explode)
    assert generate_questions_task.apply(args=(log.pk,)).get() == "failed"
    failed = GenerationLog.objects.get(pk=log.pk)
    assert failed.status == GenerationStatus.FAILED
    assert "Try again" in failed.error_message and "boom" not in failed.error_message
