from __future__ import annotations

import logging

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from celery.exceptions import SoftTimeLimitExceeded
from django.utils.translation import gettext_noop

from feedback import services

logger = logging.getLogger(__name__)

# Stored in English; the report page translates it when it shows it.
TIMEOUT_MESSAGE = gettext_noop("Writing the report took too long. Try generating it again.")


@shared_task(
    bind=True,
    base=DjangoTask,
    name="feedback.generate",  # routed to the "feedback" queue
    # Safe to deliver twice: services.claim lets one delivery of an attempt run.
    acks_late=True,
    reject_on_worker_lost=True,
    # Three LLM attempts of 30 s with backoff fit inside this; the local report takes ~1 s.
    soft_time_limit=150,
    time_limit=180,
)
def generate_feedback_task(self: DjangoTask, feedback_id: int, attempt: int) -> str:
    if not services.claim(feedback_id, attempt):
        return "skipped"
    try:
        return services.generate(feedback_id, attempt)
    except SoftTimeLimitExceeded:
        services.fail(feedback_id, attempt, TIMEOUT_MESSAGE)
        return "failed"
    except Exception:
        logger.exception("feedback generation failed", extra={"feedback": feedback_id})
        services.fail(feedback_id, attempt, str(services.FAILURE_MESSAGE))
        return "failed"
