"""Feedback workflows: request a report, generate it in a worker, store it atomically.

One report per interview. A request for an unchanged interview returns the report it
has (the fingerprint of the analysed answers matches); a regenerate request, or a
changed interview (a late analysis landed), rebuilds it. Every request bumps
``attempt``; a worker claims exactly that attempt and stores its result only if no
newer request came in meanwhile, so a redelivered or overtaken task never overwrites a
newer report and the stored report is always one whole generation.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback import metrics, narrative
from feedback.models import (
    BehavioralAnalysis,
    FeedbackEngine,
    FeedbackStatus,
    InterviewFeedback,
    QuestionFeedback,
    SkillEvaluation,
)
from feedback.records import answered_items, fingerprint, outliner, to_record
from feedback.report.build import Report, build_report
from interviewgenius.http.errors import Conflict
from interviews.models import InterviewItem, InterviewSession, InterviewStatus

logger = logging.getLogger(__name__)

FINISHED = (InterviewStatus.REVIEWING, InterviewStatus.ARCHIVED)
FAILURE_MESSAGE = _("The report could not be generated. Try again in a moment.")


class NotFinished(Conflict):
    code = "interview_not_finished"
    default_message = _("Finish the interview first: the report covers the whole interview.")


class NothingAnswered(Conflict):
    code = "nothing_answered"
    default_message = _("Answer at least one question: there is nothing to report on yet.")


def request_report(
    *, session: InterviewSession, force: bool = False
) -> tuple[InterviewFeedback, bool]:
    """The interview's report, queued for (re)generation when needed; (report, queued)."""
    if session.status not in FINISHED:
        raise NotFinished(details={"status": session.status})
    items = answered_items(session)
    if not items:
        raise NothingAnswered()
    current = fingerprint(session, items)
    with transaction.atomic():
        feedback, created = InterviewFeedback.objects.select_for_update().get_or_create(
            session=session, defaults={"language": session.language}
        )
        up_to_date = feedback.fingerprint == current and feedback.status in (
            FeedbackStatus.COMPLETED,
            FeedbackStatus.PENDING,
            FeedbackStatus.GENERATING,
        )
        if up_to_date and not force and not created:
            return feedback, False
        feedback.attempt = F("attempt") + 1
        feedback.status = FeedbackStatus.PENDING
        feedback.fingerprint = current
        feedback.error = ""
        feedback.requested_at = timezone.now()
        feedback.save(update_fields=["attempt", "status", "fingerprint", "error", "requested_at"])
        feedback.refresh_from_db(fields=["attempt"])
        attempt = feedback.attempt
        transaction.on_commit(lambda: _enqueue(feedback.pk, attempt))
    return feedback, True


def _enqueue(feedback_id: int, attempt: int) -> None:
    from feedback.tasks import generate_feedback_task

    generate_feedback_task.delay(feedback_id, attempt)


def claim(feedback_id: int, attempt: int) -> bool:
    """pending -> generating for this attempt, once."""
    return bool(
        InterviewFeedback.objects.filter(
            pk=feedback_id, attempt=attempt, status=FeedbackStatus.PENDING
        ).update(status=FeedbackStatus.GENERATING, updated_at=timezone.now())
    )


def generate(feedback_id: int, attempt: int) -> str:
    """Build the report of a claimed attempt and store it; "stored" or "superseded"."""
    started = time.perf_counter()
    feedback = InterviewFeedback.objects.select_related("session__resume").get(pk=feedback_id)
    session = feedback.session
    items = answered_items(session)
    report = build_report(
        [to_record(item, session.language) for item in items],
        language=session.language,
        planned=session.planned,
        outline=outliner(session),
    )
    outcome = narrative.write_narrative(report)
    engine = FeedbackEngine.LLM if outcome.used else FeedbackEngine.LOCAL
    stored = _store(
        feedback_id,
        attempt,
        report,
        items,
        engine=engine,
        llm_error=outcome.error,
        fingerprint=fingerprint(session, items),
        elapsed=time.perf_counter() - started,
    )
    if stored:
        metrics.GENERATION_SECONDS.labels(engine).observe(time.perf_counter() - started)
        metrics.OUTCOMES.labels("completed").inc()
        return "stored"
    metrics.OUTCOMES.labels("superseded").inc()
    return "superseded"


def fail(feedback_id: int, attempt: int, message: str) -> None:
    InterviewFeedback.objects.filter(
        pk=feedback_id, attempt=attempt, status=FeedbackStatus.GENERATING
    ).update(status=FeedbackStatus.FAILED, error=message, updated_at=timezone.now())
    metrics.OUTCOMES.labels("failed").inc()


def _store(
    feedback_id: int,
    attempt: int,
    report: Report,
    items: list[InterviewItem],
    *,
    engine: str,
    llm_error: str,
    fingerprint: str,
    elapsed: float,
) -> bool:
    """Swap the report's content in one transaction, unless a newer request came in."""
    by_position = {item.position: item for item in items}
    with transaction.atomic():
        feedback = InterviewFeedback.objects.select_for_update().get(pk=feedback_id)
        if feedback.attempt != attempt or feedback.status != FeedbackStatus.GENERATING:
            return False
        feedback.question_feedback.all().delete()
        feedback.skill_evaluations.all().delete()
        feedback.behavioral_analyses.all().delete()
        QuestionFeedback.objects.bulk_create(
            QuestionFeedback(
                feedback=feedback,
                item=by_position.get(q.record.position),
                position=q.record.position,
                question_text=q.record.question,
                question_type=q.record.question_type,
                skill=q.record.skill,
                answer_text=q.record.answer,
                answer_score=q.answer_score,
                technical_accuracy=q.technical_accuracy,
                communication_quality=q.communication_quality,
                keywords_used=q.keywords_used,
                keywords_missed=q.keywords_missed,
                improvement_suggestions=q.suggestions,
                model_answer=q.model_answer,
                derivation=q.derivation,
            )
            for q in report.questions
        )
        SkillEvaluation.objects.bulk_create(
            SkillEvaluation(
                feedback=feedback,
                skill_name=s.skill[:100],
                level=s.level,
                score=s.score,
                confidence=s.confidence,
                answers=s.answers,
                evidence=s.evidence,
                improvement_areas=s.improvement_areas,
                derivation=s.derivation,
            )
            for s in report.skills
        )
        BehavioralAnalysis.objects.bulk_create(
            BehavioralAnalysis(
                feedback=feedback,
                aspect=a.aspect,
                score=a.score,
                observations=a.observations,
                recommendations=a.recommendations,
                derivation=a.derivation,
                position=index,
            )
            for index, a in enumerate(report.aspects)
        )
        scores = {name: d.value for name, d in report.scores.items()}
        feedback.overall_score = scores.get("overall")
        feedback.technical_score = scores.get("technical")
        feedback.communication_score = scores.get("communication")
        feedback.problem_solving_score = scores.get("problem_solving")
        feedback.confidence_score = scores.get("confidence")
        feedback.derivation = {n: d.derivation.as_dict() for n, d in report.scores.items()}
        feedback.improvement_plan = [item.as_dict() for item in report.plan]
        feedback.summary = report.summary
        feedback.language = report.language
        feedback.answered = report.answered
        feedback.follow_ups = report.follow_ups
        feedback.planned = max(report.planned, report.answered)
        feedback.pending_answers = report.pending
        feedback.engine = engine
        feedback.llm_error = llm_error
        feedback.fingerprint = fingerprint
        feedback.status = FeedbackStatus.COMPLETED
        feedback.error = ""
        feedback.generation_ms = round(elapsed * 1000)
        feedback.generated_at = timezone.now()
        feedback.save()
    return True


def refresh_if_reported(session: InterviewSession) -> None:
    """A late analysis changed a reported interview: rebuild its report."""
    if InterviewFeedback.objects.filter(session=session).exists():
        try:
            request_report(session=session)
        except Conflict:
            logger.info("no report refresh", extra={"session": session.pk})


def history(user: Any, limit: int = 30) -> list[InterviewFeedback]:
    """The user's completed reports, oldest first (for trends), at most ``limit``."""
    reports = (
        InterviewFeedback.objects.owned_by(user)
        .filter(status=FeedbackStatus.COMPLETED)
        .select_related("session")
        .prefetch_related("skill_evaluations")
        .order_by("-session__finished_at", "-pk")[:limit]
    )
    return list(reversed(list(reports)))
