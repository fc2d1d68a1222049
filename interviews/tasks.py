from __future__ import annotations

import logging

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from celery.signals import worker_init

from interviews import services
from interviews.models import AnalysisStatus, InterviewEvaluation

logger = logging.getLogger(__name__)
MAX_RETRIES = 3


@shared_task(
    bind=True,
    base=DjangoTask,
    name="interviews.analyse_answer",
    # Safe to deliver twice: complete_analysis claims the evaluation first.
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=60,
    time_limit=90,
)
def analyse_answer_task(self: DjangoTask, evaluation_id: int) -> str:
    try:
        return services.complete_analysis(evaluation_id=evaluation_id)
    except Exception as exc:
        if self.request.retries >= MAX_RETRIES:
            logger.exception("answer analysis failed for good", extra={"evaluation": evaluation_id})
            InterviewEvaluation.objects.filter(pk=evaluation_id).update(
                analysis_status=AnalysisStatus.FAILED
            )
            return "failed"
        raise self.retry(exc=exc, countdown=2 ** (self.request.retries + 1)) from exc


@worker_init.connect
def _load_the_embedding_model(**kwargs: object) -> None:
    """Workers load the analysis model at start, not on a candidate's first answer."""
    from interviews.analysis import warm_up

    try:
        warm_up()
    except Exception:  # a worker without the model still serves every other queue
        logger.exception("could not warm up answer analysis")
