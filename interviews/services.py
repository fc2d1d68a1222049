"""Mock interview workflows: start, answer, finish, archive (notes 20.1, 20.6)."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interviewgenius.http.errors import Conflict, DomainError
from interviews import grading, metrics, scheduling, signals
from interviews.models import (
    AnalysisStatus,
    InputMode,
    InterviewEvaluation,
    InterviewItem,
    InterviewSession,
    InterviewStatus,
    SkillAssessment,
)
from questions import services as question_services
from questions.models import GenerationConfig, Question
from resumes.models import Resume

logger = logging.getLogger(__name__)

# Analyses run here so that one stuck on a slow machine can be given up on in time;
# two workers per process: answers arrive one at a time per candidate.
_analysis_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="analysis")

MAX_ANSWER_CHARS = 20_000  # about 15 minutes of speech; more is pasted text, not an answer


class SpeechFailed(DomainError):
    """The recording could not be turned into words; the candidate can type instead."""

    status_code = 422
    code = "speech_failed"
    default_message = _("We could not make out your answer. Try again, or type it.")


class InvalidTransition(Conflict):
    code = "invalid_transition"
    default_message = _("The interview cannot do that in its current state.")


@dataclass
class AnswerOutcome:
    evaluation: InterviewEvaluation
    next_item: InterviewItem | None
    session: InterviewSession


def move(session: InterviewSession, to: str) -> None:
    """One state transition, only along the allowed edges, safe against a racing request."""
    if not session.can_move_to(to):
        raise InvalidTransition(
            details={"status": session.status, "requested": to},
        )
    changes: dict[str, Any] = {"status": to, "updated_at": timezone.now()}
    if to == InterviewStatus.INTERVIEWING:
        changes["started_at"] = timezone.now()
    if to == InterviewStatus.REVIEWING:
        changes["finished_at"] = timezone.now()
        changes["current_item"] = None
    moved = InterviewSession.objects.filter(pk=session.pk, status=session.status).update(**changes)
    if not moved:
        session.refresh_from_db()
        raise InvalidTransition(details={"status": session.status, "requested": to})
    for name, value in changes.items():
        setattr(session, name, value)
    if to == InterviewStatus.REVIEWING:
        transaction.on_commit(
            lambda: signals.interview_finished.send(sender=InterviewSession, session=session)
        )


@transaction.atomic
def start_interview(
    *,
    user: Any,
    resume: Resume,
    config: GenerationConfig | None = None,
    count: int | None = None,
    language: str | None = None,
) -> InterviewSession:
    """Create a session, prepare its questions from the bank, and ask the first one."""
    session = InterviewSession.objects.create(owner=user, resume=resume, config=config)
    move(session, InterviewStatus.PARSING)
    # The template engine answers inline, so a session is ready at once; an LLM set
    # would make the candidate wait at the start of every interview.
    outcome = question_services.generate_questions(
        user=user,
        resume=resume,
        config=config,
        count=count,
        language=language,
        engine="template",
    )
    session.generation = outcome.log
    session.language = outcome.log.params.get("language", "en")
    session.planned = len(outcome.questions)
    session.save(update_fields=["generation", "language", "planned", "updated_at"])
    move(session, InterviewStatus.READY)
    first = scheduling.first_question(_pool(session))
    move(session, InterviewStatus.INTERVIEWING)
    if first is not None:
        _ask(session, Question.objects.get(pk=first.key))
    return session


def _pool(session: InterviewSession) -> list[scheduling.Candidate]:
    asked = set(session.items.filter(question__isnull=False).values_list("question_id", flat=True))
    questions = Question.objects.filter(generation_id=session.generation_id).order_by("position")
    return [
        scheduling.Candidate(q.pk, q.difficulty, q.question_type)
        for q in questions
        if q.pk not in asked
    ]


def _next_position(session: InterviewSession) -> int:
    last = session.items.order_by("-position").values_list("position", flat=True).first()
    return 0 if last is None else last + 1


def _ask(session: InterviewSession, question: Question) -> InterviewItem:
    item = InterviewItem.objects.create(
        session=session,
        question=question,
        position=_next_position(session),
        text=question.text,
        question_type=question.question_type,
        difficulty=question.difficulty,
        skill=question.skill,
        keywords=question.keywords,
        answer_points=question.answer_points,
        asked_at=timezone.now(),
    )
    session.current_item = item
    session.save(update_fields=["current_item", "updated_at"])
    _prepare(item, session.language)
    return item


def _prepare(item: InterviewItem, language: str) -> None:
    """Embed the question and its expected points while the candidate thinks, so the
    answer's analysis does not pay for it (nor, on a process's first question, for
    loading the model)."""
    from interviews.analysis import prepare_question

    context = _context(item, language)

    def prepare() -> None:
        try:
            prepare_question(context)
        except Exception:  # only a head start: the analysis embeds whatever is missing
            logger.exception("could not prepare the question's analysis")

    _analysis_pool.submit(prepare)


def _ask_follow_up(
    session: InterviewSession, item: InterviewItem, missed: Sequence[str], off_topic: bool
) -> InterviewItem:
    text = scheduling.follow_up_text(
        language=session.language, question=item.text, missed_points=missed, off_topic=off_topic
    )
    follow_up = InterviewItem.objects.create(
        session=session,
        follow_up_of=item,
        position=_next_position(session),
        text=text,
        question_type=item.question_type,
        difficulty=item.difficulty,
        skill=item.skill,
        keywords=item.keywords,
        answer_points=list(missed) or item.answer_points,
        asked_at=timezone.now(),
    )
    session.current_item = follow_up
    session.save(update_fields=["current_item", "updated_at"])
    _prepare(follow_up, session.language)
    return follow_up


@transaction.atomic
def submit_answer(
    *,
    session: InterviewSession,
    text: str,
    input_mode: str = InputMode.TEXT,
    audio_duration: float | None = None,
    words: Sequence[Any] | None = None,
) -> AnswerOutcome:
    """Store and analyse the answer to the current question, then ask the next one."""
    session = InterviewSession.objects.select_for_update().get(pk=session.pk)
    if session.status != InterviewStatus.INTERVIEWING or session.current_item_id is None:
        raise InvalidTransition(
            _("There is no question waiting for an answer."),
            details={"status": session.status},
        )
    item = session.current_item
    assert item is not None
    answer = text.strip()[:MAX_ANSWER_CHARS]
    context = _context(item, session.language)
    analysis = _analyse_in_time(context, answer, words, audio_duration)
    metrics.ANSWERS.labels(input_mode).inc()
    evaluation = InterviewEvaluation.objects.create(
        item=item,
        session=session,
        input_mode=input_mode,
        answer_text=answer,
        audio_duration=audio_duration,
        spoken_words=[[w.text, w.start, w.end] for w in words or ()],
    )
    if analysis is not None:
        _store_analysis(evaluation, analysis)
    else:
        # The answer is safe; its analysis is redone in the background and the
        # interview goes on (it cannot decide on a follow-up without it).
        from interviews.tasks import analyse_answer_task

        analyse_answer_task.delay_on_commit(evaluation.pk)
    InterviewItem.objects.filter(pk=item.pk).update(answered_at=timezone.now())
    if not item.is_follow_up:
        InterviewSession.objects.filter(pk=session.pk).update(answered=F("answered") + 1)
        session.answered += 1
    next_item: InterviewItem | None = None
    weak = analysis is not None and (analysis.weak or analysis.off_topic)
    if weak and analysis is not None and not item.is_follow_up:
        missed = [p for p in item.answer_points if p not in analysis.points_covered]
        next_item = _ask_follow_up(session, item, missed, analysis.off_topic)
    else:
        base = item.follow_up_of or item
        candidate = scheduling.next_question(
            _pool(session),
            last_difficulty=base.difficulty,
            last_score=analysis.overall if analysis is not None else None,
        )
        if candidate is not None:
            next_item = _ask(session, Question.objects.get(pk=candidate.key))
        else:
            move(session, InterviewStatus.REVIEWING)
    return AnswerOutcome(evaluation=evaluation, next_item=next_item, session=session)


def transcribe_answer(*, session: InterviewSession, audio: bytes) -> Any:
    """The words of a recorded answer, or ``SpeechFailed`` with what to do instead."""
    from interviewgenius.engines import speech

    if session.status != InterviewStatus.INTERVIEWING or session.current_item_id is None:
        raise InvalidTransition(
            _("There is no question waiting for an answer."), details={"status": session.status}
        )
    try:
        config = speech.SpeechConfig.for_language(session.language)
        transcript = speech.transcribe(audio, language=session.language, config=config)
    except speech.SpeechError as failure:
        logger.warning("speech recognition failed", extra={"error": type(failure).__name__})
        raise SpeechFailed(
            details={"action": "text_input", "reason": type(failure).__name__}
        ) from None
    if not transcript.text.strip():
        raise SpeechFailed(
            _(
                "We heard no speech in the recording. Try again closer to the microphone, or type your answer."
            ),
            details={"action": "text_input", "reason": "no_speech"},
        )
    return transcript


def submit_spoken_answer(*, session: InterviewSession, audio: bytes) -> tuple[Any, AnswerOutcome]:
    """Transcribe a recorded answer, then analyse it with its timing (pace, pauses)."""
    from interviews.analysis import SpokenWord

    transcript = transcribe_answer(session=session, audio=audio)
    words = [SpokenWord(w.text, w.start, w.end) for w in transcript.words]
    outcome = submit_answer(
        session=session,
        text=transcript.text,
        input_mode=InputMode.AUDIO,
        audio_duration=transcript.duration,
        words=words,
    )
    return transcript, outcome


def _context(item: InterviewItem, language: str) -> Any:
    from interviews.analysis import QuestionContext

    return QuestionContext(
        text=item.text,
        question_type=item.question_type,
        language=language,
        keywords=tuple(item.keywords),
        answer_points=tuple(item.answer_points),
        skill=item.skill,
    )


def _analyse_in_time(
    context: Any, answer: str, words: Sequence[Any] | None, duration: float | None
) -> Any | None:
    """The analysis, or None when it fails or takes longer than the candidate should wait."""
    started = time.perf_counter()
    future = _analysis_pool.submit(
        grading.analyse_with_grade, context, answer, words=words, duration=duration
    )
    try:
        analysis = future.result(timeout=settings.INTERVIEW_ANALYSIS_TIMEOUT)
    except FutureTimeout:
        logger.warning("answer analysis timed out; retrying in the background")
        return None
    except Exception:
        logger.exception("answer analysis failed; retrying in the background")
        return None
    metrics.ANALYSIS_SECONDS.observe(time.perf_counter() - started)
    return analysis


def _store_analysis(evaluation: InterviewEvaluation, analysis: Any) -> None:
    evaluation.keywords = analysis.keywords_found
    evaluation.points_covered = analysis.points_covered
    evaluation.relevance_score = analysis.relevance.value
    evaluation.accuracy_score = analysis.accuracy.value
    evaluation.structure_score = analysis.structure.value
    evaluation.sentiment_score = analysis.sentiment.value
    evaluation.confidence_score = analysis.confidence.value
    evaluation.delivery_score = analysis.delivery.value if analysis.delivery else None
    evaluation.overall_score = analysis.overall
    evaluation.evidence = _evidence(analysis)
    evaluation.analysis_status = AnalysisStatus.DONE
    evaluation.analysed_at = timezone.now()
    evaluation.save()
    item = evaluation.item
    if item.skill:
        _assess_skill(evaluation.session, item.skill, analysis.overall, item.text)


def complete_analysis(*, evaluation_id: int) -> str:
    """The background retry of an analysis that did not finish in time (claimed once)."""
    from interviews.analysis import SpokenWord

    claimed = InterviewEvaluation.objects.filter(
        pk=evaluation_id, analysis_status=AnalysisStatus.PENDING
    ).update(analysis_status=AnalysisStatus.RUNNING)
    if not claimed:
        return "skipped"
    evaluation = InterviewEvaluation.objects.select_related("item", "session").get(pk=evaluation_id)
    words = [SpokenWord(text, start, end) for text, start, end in evaluation.spoken_words]
    try:
        analysis = grading.analyse_with_grade(
            _context(evaluation.item, evaluation.session.language),
            evaluation.answer_text,
            words=words or None,
            duration=evaluation.audio_duration,
        )
    except Exception:
        InterviewEvaluation.objects.filter(pk=evaluation_id).update(
            analysis_status=AnalysisStatus.PENDING
        )
        raise
    with transaction.atomic():
        _store_analysis(evaluation, analysis)
    signals.answer_analysed.send(sender=InterviewEvaluation, evaluation=evaluation)
    return "done"


def _evidence(analysis: Any) -> dict[str, Any]:
    parts = {
        "relevance": analysis.relevance,
        "accuracy": analysis.accuracy,
        "structure": analysis.structure,
        "sentiment": analysis.sentiment,
        "confidence": analysis.confidence,
    }
    if analysis.delivery is not None:
        parts["delivery"] = analysis.delivery
    evidence = {name: list(score.evidence) for name, score in parts.items()}
    evidence["words_per_minute"] = analysis.words_per_minute
    evidence["filler_count"] = analysis.filler_count
    evidence["long_pauses"] = analysis.long_pauses
    return evidence


def _assess_skill(session: InterviewSession, skill: str, score: float, question: str) -> None:
    """A running average per skill over the session's answers about it."""
    assessment, _created = SkillAssessment.objects.get_or_create(
        session=session, skill_name=skill, defaults={"score": 0.0}
    )
    total = assessment.score * assessment.answers + score
    assessment.answers += 1
    assessment.score = round(total / assessment.answers, 1)
    assessment.evidence = [*assessment.evidence, {"question": question, "score": score}][-10:]
    assessment.save()


def finish_interview(*, session: InterviewSession) -> InterviewSession:
    move(session, InterviewStatus.REVIEWING)
    return session


def archive_interview(*, session: InterviewSession) -> InterviewSession:
    move(session, InterviewStatus.ARCHIVED)
    return session
