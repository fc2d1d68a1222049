"""The worker side of parsing: claim a resume, run the parser, store what it found.

Exactly once, with late acknowledgement: the task carries the id it was queued with
(``Resume.task_id``). Claiming is a conditional UPDATE on that id, so a superseded
task (the candidate asked for a reparse since) does nothing, while a redelivery of the
same task after its worker died may claim the resume again even though it is left
"processing". Finishing is conditional too, so whichever copy finishes first writes
the result and any other finds nothing to do.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Literal

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from resumes import metrics, storage
from resumes.models import Resume, ResumeParseLog, ResumeParseResult, ResumeStatus, SkillMatch
from resumes.parsing.types import STEPS, ParseOutcome, ResumeParseError, StepTiming
from resumes.parsing.validate import inspect_document

logger = logging.getLogger(__name__)

# What a candidate sees progress over: opening the stored file, then the parser's steps.
ALL_STEPS = ("load", *STEPS)
Outcome = Literal["completed", "failed", "skipped"]
GENERIC_FAILURE = (
    "Something went wrong while reading this resume. Try “Parse again”; if it fails "
    "again, upload it as a PDF or fill in the fields by hand."
)


def claim(resume_id: int, task_id: str) -> Resume | None:
    now = timezone.now()
    claimed = Resume.objects.filter(
        pk=resume_id,
        task_id=task_id,
        status__in=[ResumeStatus.PENDING, ResumeStatus.PROCESSING],
    ).update(
        status=ResumeStatus.PROCESSING,
        claimed_at=now,
        parse_attempts=F("parse_attempts") + 1,
        updated_at=now,
    )
    if not claimed:
        return None
    resume = Resume.objects.get(pk=resume_id)
    if resume.queued_at:
        metrics.QUEUE_WAIT.observe((now - resume.queued_at).total_seconds())
    return resume


def run_parse(*, resume_id: int, task_id: str) -> Outcome:
    resume = claim(resume_id, task_id)
    if resume is None:
        logger.info(
            "parse task has nothing to do", extra={"resume_id": resume_id, "task_id": task_id}
        )
        return "skipped"
    started = time.perf_counter()
    attempt = resume.parse_attempts
    # A redelivered attempt starts its log afresh.
    ResumeParseLog.objects.filter(resume=resume, attempt=attempt).delete()

    def log_step(step: StepTiming) -> None:
        ResumeParseLog.objects.create(
            resume=resume,
            attempt=attempt,
            step=step.step,
            status=step.status,
            error=step.error,
            duration_ms=round(step.ms, 2),
        )
        metrics.STEP_DURATION.labels(resume.kind, step.step).observe(step.ms / 1000)

    try:
        outcome = _parse_stored_file(resume, log_step)
    except ResumeParseError as error:
        _fail(
            resume,
            task_id,
            step=error.step,
            code=error.code,
            message=error.message,
            log_step=log_step,
        )
        metrics.OUTCOMES.labels(resume.kind, "failed").inc()
        return "failed"
    finished = _complete(resume, task_id, outcome)
    metrics.PARSE_DURATION.labels(resume.kind).observe(time.perf_counter() - started)
    metrics.OUTCOMES.labels(resume.kind, "completed" if finished else "superseded").inc()
    return "completed" if finished else "skipped"


def _parse_stored_file(resume: Resume, log_step: Any) -> ParseOutcome:
    from resumes.parsing import parse_document

    started = time.perf_counter()
    try:
        data = storage.load_decrypted(resume.file_key)
        # The upload was checked already; check again, since this is what we open.
        info = inspect_document(data)
    except ResumeParseError:
        raise
    except Exception as exc:
        # Storage down or key missing: transient, so let Celery retry the task.
        log_step(
            StepTiming("load", "failed", (time.perf_counter() - started) * 1000, type(exc).__name__)
        )
        raise
    log_step(StepTiming("load", "ok", (time.perf_counter() - started) * 1000))
    return parse_document(data, kind=info.kind, on_step=log_step)


def _fail(
    resume: Resume, task_id: str, *, step: str, code: str, message: str, log_step: Any
) -> None:
    if not ResumeParseLog.objects.filter(
        resume=resume, attempt=resume.parse_attempts, step=step
    ).exists():
        log_step(StepTiming(step, "failed", 0.0, message))
    Resume.objects.filter(pk=resume.pk, task_id=task_id, status=ResumeStatus.PROCESSING).update(
        status=ResumeStatus.FAILED,
        error_step=step,
        error_code=code,
        error_message=message,
        parsed_at=timezone.now(),
        updated_at=timezone.now(),
    )


def fail_unexpectedly(*, resume_id: int, task_id: str) -> None:
    """Called when retries are exhausted: the candidate sees a failure they can act on."""
    Resume.objects.filter(pk=resume_id, task_id=task_id).exclude(
        status=ResumeStatus.COMPLETED
    ).update(
        status=ResumeStatus.FAILED,
        error_step="load",
        error_code="internal",
        error_message=GENERIC_FAILURE,
        updated_at=timezone.now(),
    )


def _complete(resume: Resume, task_id: str, outcome: ParseOutcome) -> bool:
    with transaction.atomic():
        # Lock the row: of two copies of a redelivered task, one writes, one finds it done.
        locked = (
            Resume.objects.select_for_update()
            .filter(pk=resume.pk, task_id=task_id, status=ResumeStatus.PROCESSING)
            .first()
        )
        if locked is None:
            return False
        machine = {name: outcome.result.get(name) for name in ResumeParseResult.MACHINE_FIELDS}
        machine["basic_info"] = machine["basic_info"] or {}
        for name in ResumeParseResult.MACHINE_FIELDS:
            if machine[name] is None and name not in {"language", "parse_confidence"}:
                machine[name] = []
        machine["language"] = machine["language"] or "en"
        machine["parse_confidence"] = float(machine["parse_confidence"] or 0.0)
        result, _created = ResumeParseResult.objects.update_or_create(
            resume=locked, defaults={**machine, "text": outcome.text}
        )
        replace_skill_matches(locked, result.merged()["skills"])
        locked.status = ResumeStatus.COMPLETED
        locked.error_step = locked.error_code = locked.error_message = ""
        locked.parsed_at = timezone.now()
        locked.save(
            update_fields=[
                "status",
                "error_step",
                "error_code",
                "error_message",
                "parsed_at",
                "updated_at",
            ]
        )
    return True


def replace_skill_matches(resume: Resume, skills: list[dict[str, Any]]) -> None:
    SkillMatch.objects.filter(resume=resume).delete()
    seen: set[str] = set()
    rows = []
    for skill in skills or []:
        name = str(skill.get("name") or "").strip()[:100]
        if not name or name.lower() in seen:
            continue
        seen.add(name.lower())
        rows.append(
            SkillMatch(
                resume=resume,
                name=name,
                category=str(skill.get("category") or "")[:50],
                confidence=float(skill.get("confidence") or 0.0),
            )
        )
    SkillMatch.objects.bulk_create(rows)
