from __future__ import annotations

import logging

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_init
from django.db import InterfaceError, OperationalError

from resumes.pipeline import fail_unexpectedly, run_parse

logger = logging.getLogger(__name__)

# Infrastructure hiccups worth another try; a bad document is not retried.
TRANSIENT = (OSError, ConnectionError, OperationalError, InterfaceError)
MAX_RETRIES = 3
TIMEOUT_MESSAGE = (
    "Reading this resume took too long. Upload a shorter or text-based PDF (not a scan), "
    "or a clearer photo, and try again."
)


@shared_task(
    bind=True,
    base=DjangoTask,
    name="resumes.parse",
    # Late acknowledgement: a worker that dies mid-parse leaves the message to be
    # delivered again; pipeline.claim makes that safe (exactly one result).
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=60,  # OCR of a page takes seconds; a minute means something is wrong
    time_limit=90,
)
def parse_resume_task(self: DjangoTask, resume_id: int) -> str:
    task_id = str(self.request.id)
    try:
        return run_parse(resume_id=resume_id, task_id=task_id)
    except SoftTimeLimitExceeded:
        from resumes.models import Resume, ResumeStatus

        Resume.objects.filter(pk=resume_id, task_id=task_id, status=ResumeStatus.PROCESSING).update(
            status=ResumeStatus.FAILED,
            error_step="parse",
            error_code="timeout",
            error_message=TIMEOUT_MESSAGE,
        )
        return "failed"
    except TRANSIENT as exc:
        if self.request.retries >= MAX_RETRIES:
            logger.exception("resume parse failed after retries", extra={"resume_id": resume_id})
            fail_unexpectedly(resume_id=resume_id, task_id=task_id)
            return "failed"
        raise self.retry(exc=exc, countdown=2 ** (self.request.retries + 1)) from exc
    except Exception:
        logger.exception("resume parse crashed", extra={"resume_id": resume_id})
        fail_unexpectedly(resume_id=resume_id, task_id=task_id)
        return "failed"


@worker_init.connect
def _warm_up_parser(**kwargs: object) -> None:
    """Load the skills taxonomy (about 2 s) once as the worker starts, before it forks
    its pool, so no candidate's first resume waits for it."""
    from resumes.parsing import warm_up

    warm_up()
