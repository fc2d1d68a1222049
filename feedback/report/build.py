"""build_report: every part of a feedback report from a session's analysed answers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from feedback.report.behaviour import AspectResult, analyse_behaviour
from feedback.report.plan import PlanItem, improvement_plan
from feedback.report.questions import question_suggestions
from feedback.report.records import AnswerRecord
from feedback.report.scoring import (
    FORMULAS,
    DimensionScore,
    communication_quality,
    score_session,
    technical_accuracy,
)
from feedback.report.skills import SkillResult, evaluate_skills
from feedback.report.summary import write_summary

# A model answer outline for one question (grounded in the resume by the caller).
Outliner = Callable[[AnswerRecord], list[str]]


@dataclass
class QuestionResult:
    record: AnswerRecord
    answer_score: float | None
    technical_accuracy: float | None
    communication_quality: float | None
    keywords_used: list[str]
    keywords_missed: list[str]
    suggestions: list[str]
    model_answer: list[str]
    derivation: dict[str, Any] = field(default_factory=dict)


@dataclass
class Report:
    language: str
    answered: int  # main questions answered (follow-ups apart)
    follow_ups: int
    planned: int
    pending: int
    scores: dict[str, DimensionScore]
    questions: list[QuestionResult]
    skills: list[SkillResult]
    aspects: list[AspectResult]
    plan: list[PlanItem]
    summary: str


def build_report(
    records: Sequence[AnswerRecord],
    *,
    language: str,
    planned: int,
    outline: Outliner | None = None,
) -> Report:
    language = language if language in ("en", "zh") else "en"
    analysed = [r for r in records if r.analysed]
    scores = score_session(analysed)
    skills = evaluate_skills(analysed)
    aspects = analyse_behaviour(analysed, language)
    plan = improvement_plan(scores, aspects, skills, language) if scores else []
    questions = [_question(r, language, outline) for r in records]
    follow_ups = sum(1 for r in records if r.is_follow_up)
    counts = {
        "answered": len(records) - follow_ups,
        "follow_ups": follow_ups,
        "planned": planned,
        "pending": len(records) - len(analysed),
    }
    summary = write_summary(language=language, scores=scores, skills=skills, plan=plan, **counts)
    return Report(
        language=language,
        **counts,
        scores=scores,
        questions=questions,
        skills=skills,
        aspects=aspects,
        plan=plan,
        summary=summary,
    )


def _question(record: AnswerRecord, language: str, outline: Outliner | None) -> QuestionResult:
    used = {k.casefold() for k in record.keywords_found}
    return QuestionResult(
        record=record,
        answer_score=record.overall,
        technical_accuracy=technical_accuracy(record),
        communication_quality=communication_quality(record),
        keywords_used=list(record.keywords_found),
        keywords_missed=[k for k in record.keywords_expected if k.casefold() not in used],
        suggestions=question_suggestions(record, language) if record.analysed else [],
        model_answer=outline(record) if outline else list(record.points_expected),
        derivation={
            "answer_score": "the answer's overall score from its analysis",
            "technical_accuracy": "coverage of the expected points and key terms",
            "communication_quality": " + ".join(
                f"{w:.0%} {n}" for n, w in FORMULAS["communication"].items()
            ),
        },
    )
