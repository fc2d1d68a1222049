"""Read a mock interview into the report engine's records, and fingerprint it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from assist.suggest.build import suggest
from assist.suggest.candidate import Candidate
from feedback.report.records import AnswerRecord
from interviews.models import InterviewEvaluation, InterviewItem, InterviewSession

# Bump when the engine's output changes for the same answers: reports built by an older
# engine then count as stale and a generate request rebuilds them.
REPORT_VERSION = 1
MODEL_ANSWER_POINTS = 6


def answered_items(session: InterviewSession) -> list[InterviewItem]:
    items = (
        InterviewItem.objects.filter(session=session, evaluation__isnull=False)
        .select_related("evaluation")
        .order_by("position")
    )
    return list(items)


def to_record(item: InterviewItem, language: str) -> AnswerRecord:
    evaluation: InterviewEvaluation = item.evaluation
    return AnswerRecord(
        position=item.position,
        question=item.text,
        question_type=item.question_type,
        difficulty=item.difficulty,
        skill=item.skill,
        language=language,
        answer=evaluation.answer_text,
        input_mode=evaluation.input_mode,
        is_follow_up=item.follow_up_of_id is not None,
        relevance=evaluation.relevance_score,
        accuracy=evaluation.accuracy_score,
        structure=evaluation.structure_score,
        sentiment=evaluation.sentiment_score,
        confidence=evaluation.confidence_score,
        delivery=evaluation.delivery_score,
        overall=evaluation.overall_score,
        keywords_expected=tuple(str(k) for k in item.keywords or []),
        keywords_found=tuple(str(k) for k in evaluation.keywords or []),
        points_expected=tuple(str(p) for p in item.answer_points or []),
        points_covered=tuple(str(p) for p in evaluation.points_covered or []),
        evidence=dict(evaluation.evidence or {}),
    )


def fingerprint(session: InterviewSession, items: list[InterviewItem]) -> str:
    """What a report depends on: the answers, their analyses, the language, the engine."""
    state = [
        session.language,
        session.planned,
        REPORT_VERSION,
        [
            [
                item.pk,
                item.evaluation.pk,
                item.evaluation.analysis_status,
                item.evaluation.overall_score,
                item.evaluation.analysed_at.isoformat() if item.evaluation.analysed_at else None,
            ]
            for item in items
        ],
    ]
    return hashlib.sha256(json.dumps(state, default=str).encode()).hexdigest()


@dataclass(frozen=True)
class _Question:
    """The shape assist's suggestion builder reads (it normally gets a detection)."""

    text: str
    question_type: str | None
    language: str
    competency: str | None = None


def outliner(session: InterviewSession) -> Callable[[AnswerRecord], list[str]]:
    """Model answer outlines grounded in the candidate's resume.

    The expected points the answer missed come first (what the interviewer listens
    for), then live assist's card for the question: STAR steps drawn from the
    candidate's own jobs for behavioral questions, their projects and skills otherwise.
    """
    from assist.knowledge_store import knowledge

    result = getattr(session.resume, "parse_result", None)
    candidate = Candidate.from_parse_result(result.merged() if result is not None else None)
    bank = knowledge()

    def outline(record: AnswerRecord) -> list[str]:
        missed = [p for p in record.points_expected if p not in record.points_covered]
        card = suggest(
            _Question(record.question, record.question_type, record.language),
            bank,
            candidate,
            max_points=MODEL_ANSWER_POINTS,
        )
        points = list(dict.fromkeys([*missed, *card.points, *record.points_expected]))
        return points[:MODEL_ANSWER_POINTS]

    return outline
