"""Live assist sessions: start, settings, pause/resume/end, and what was heard."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assist import state
from assist.models import AssistLog, AssistSession, AssistStatus, Channel
from assist.session_settings import merged
from assist.suggest import Candidate
from interviewgenius.http.errors import Conflict, NotFound
from interviews.models import InterviewSession
from resumes.models import Resume


def start_session(
    *,
    user: Any,
    resume_id: int | None = None,
    interview_id: int | None = None,
    settings: dict[str, Any] | None = None,
) -> AssistSession:
    interview = None
    if interview_id is not None:
        interview = InterviewSession.objects.owned_by(user).filter(pk=interview_id).first()
        if interview is None:
            raise NotFound(_("No interview with this id."), details={"interview_id": interview_id})
    resume = None
    if resume_id is not None:
        resume = Resume.objects.owned_by(user).filter(pk=resume_id).first()
        if resume is None:
            raise NotFound(_("No resume with this id."), details={"resume_id": resume_id})
    elif interview is not None:
        resume = interview.resume
    values = merged(None, settings or {})
    if "language" not in (settings or {}) and interview is not None:
        values["language"] = interview.language
    session = AssistSession.objects.create(
        owner=user, resume=resume, interview=interview, settings=values
    )
    state.set_status(session.pk, AssistStatus.ACTIVE)
    return session


def update_settings(*, session: AssistSession, update: dict[str, Any]) -> AssistSession:
    if session.status == AssistStatus.ENDED:
        raise Conflict(_("This session has ended."), details={"status": session.status})
    session.settings = merged(session.settings, update)
    session.save(update_fields=["settings", "updated_at"])
    return session


def set_status(*, session: AssistSession, status: str) -> AssistSession:
    """Pause, resume or end; ending is final, and repeating a move is harmless."""
    if session.status == AssistStatus.ENDED and status != AssistStatus.ENDED:
        raise Conflict(_("This session has ended."), details={"status": session.status})
    fields = ["status", "updated_at"]
    session.status = status
    if status == AssistStatus.ENDED and session.ended_at is None:
        session.ended_at = timezone.now()
        fields.append("ended_at")
    session.save(update_fields=fields)
    state.set_status(session.pk, status)
    return session


def live_status(session_id: int) -> str:
    """The status every socket obeys: the shared cache first, the database when it forgot."""
    cached = state.status(session_id)
    if cached:
        return cached
    found = AssistSession.objects.filter(pk=session_id).values_list("status", flat=True).first()
    value = found or AssistStatus.ENDED
    state.set_status(session_id, value)
    return value


def candidate_for(session: AssistSession) -> Candidate:
    """The resume facts suggestions are grounded in (with the candidate's corrections)."""
    if session.resume_id is None:
        return Candidate()
    result = getattr(session.resume, "parse_result", None) if session.resume else None
    return Candidate.from_parse_result(result.merged() if result is not None else None)


def record(
    *,
    session_id: int,
    segment_id: str,
    channel: str,
    transcript: str,
    source: str = "speech",
    detection: Any = None,
    suggestion: dict[str, Any] | None = None,
    repeat_of: str = "",
    timings: dict[str, float] | None = None,
    audio_seconds: float | None = None,
) -> AssistLog | None:
    """Store one final utterance; a segment already stored (a replayed flush) is kept as is."""
    timings = timings or {}
    is_question = bool(detection is not None and detection.is_question)
    try:
        with transaction.atomic():
            log = AssistLog.objects.create(
                session_id=session_id,
                segment_id=segment_id,
                channel=channel,
                source=source,
                transcript=transcript,
                is_question=is_question,
                question_type=(detection.question_type or "") if is_question else "",
                competency=(detection.competency or "") if is_question else "",
                confidence=detection.confidence if detection is not None else None,
                repeat_of=repeat_of,
                suggestions=suggestion or {},
                timings=timings,
                processing_ms=timings.get("total"),
                audio_seconds=audio_seconds,
            )
    except IntegrityError:
        return None
    updates: dict[str, Any] = {"last_audio_at": timezone.now()}
    if is_question and channel == Channel.INTERVIEWER and not repeat_of:
        updates["current_question"] = transcript
        updates["questions_detected"] = F("questions_detected") + 1
    AssistSession.objects.filter(pk=session_id).update(**updates)
    return log


def attach_suggestion(*, session_id: int, segment_id: str, suggestion: dict[str, Any]) -> None:
    """Replace a stored suggestion with a better one (the LLM's, when it finishes)."""
    AssistLog.objects.filter(session_id=session_id, segment_id=segment_id).update(
        suggestions=suggestion
    )


def mark_used(*, session: AssistSession, segment_id: str, used: bool) -> AssistLog:
    """The candidate used (or un-used) the suggestion for one question of their session."""
    log = AssistLog.objects.filter(session=session, segment_id=segment_id, is_question=True).first()
    if log is None:
        raise NotFound(_("This session has no such question."), details={"segment_id": segment_id})
    if log.suggestion_used != used:
        log.suggestion_used = used
        log.save(update_fields=["suggestion_used"])
    return log


def recent_logs(session_id: int, limit: int = 100) -> list[AssistLog]:
    logs = AssistLog.objects.filter(session_id=session_id).order_by("-created_at", "-id")[:limit]
    return list(reversed(logs))
