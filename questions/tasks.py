from __future__ import annotations

import logging

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from celery.exceptions import SoftTimeLimitExceeded

from questions import services
from questions.models import GenerationLog

logger = logging.getLogger(__name__)

TIMEOUT_MESSAGE = "Generating the questions took too long. Try again, or use the template bank."
FAILURE_MESSAGE = "The questions could not be generated. Try again in a moment."


@shared_task(
    bind=True,
    base=DjangoTask,
    name="questions.generate",
    # Safe to deliver twice: services.claim lets only one delivery run a generation.
    acks_late=True,
    reject_on_worker_lost=True,
    # Three LLM attempts of 30 s with backoff fit well inside this.
    soft_time_limit=150,
    time_limit=180,
)
def generate_questions_task(self: DjangoTask, log_id: int) -> str:
    if not services.claim(log_id):
        return "skipped"
    log = GenerationLog.objects.select_related("resume__parse_result", "resume__owner").get(
        pk=log_id
    )
    try:
        services.run_generation(log=log)
    except SoftTimeLimitExceeded:
        services.fail_generation(log_id=log_id, message=TIMEOUT_MESSAGE)
        return "failed"
    except Exception:
        logger.exception("question generation crashed", extra={"generation": log_id})
        services.fail_generation(log_id=log_id, message=FAILURE_MESSAGE)
        return "failed"
    return "completed"
