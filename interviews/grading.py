"""A rubric grade from the LLM, combined with the local analysis when an LLM is configured.

The local analysis (embeddings, phrase lists) is fast and always there; a language model
reads an answer the way an interviewer does. With ``LLM_API_KEY`` set, the model grades
the answer against the question's expected points under a JSON contract; its grade is
averaged into accuracy and the overall score, and its reasons join the evidence. Any
failure (timeout, junk, rate limit after retries) leaves the local scores as they are.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from interviewgenius.engines.llm import LLMClient, LLMError, is_configured
from interviews.analysis import AnswerAnalysis, QuestionContext

logger = logging.getLogger(__name__)

# How much of the combined accuracy and overall score the model's grade carries.
LLM_WEIGHT = 0.5
GRADE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["score", "covered", "missing", "feedback"],
    "properties": {
        "score": {"type": "number", "minimum": 0, "maximum": 100},
        "covered": {"type": "array", "maxItems": 10, "items": {"type": "string", "maxLength": 300}},
        "missing": {"type": "array", "maxItems": 10, "items": {"type": "string", "maxLength": 300}},
        "feedback": {"type": "string", "maxLength": 800},
    },
}
SYSTEM = (
    "You are a fair, demanding interviewer. You grade one answer against a rubric and "
    "reply only with a JSON object."
)


@dataclass(frozen=True)
class Grade:
    score: float
    covered: list[str]
    missing: list[str]
    feedback: str


def rubric_messages(question: QuestionContext, answer: str) -> list[dict[str, str]]:
    language = "Simplified Chinese" if question.language == "zh" else "English"
    rubric = {
        "question": question.text,
        "type": question.question_type,
        "expected_points": list(question.answer_points),
        "key_terms": list(question.keywords),
    }
    user = (
        f"Rubric (JSON): {json.dumps(rubric, ensure_ascii=False)}\n"
        f"Candidate's answer: {json.dumps(answer, ensure_ascii=False)}\n"
        "Grade 0-100 for how well the answer covers the expected points, correctly and "
        "concretely (an answer about something else scores under 20). Reply with JSON: "
        '{"score": number, "covered": [expected points the answer makes], "missing": '
        f'[expected points it misses], "feedback": "two sentences in {language} for the candidate"}}'
    )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def llm_grade(question: QuestionContext, answer: str) -> Grade | None:
    if not is_configured() or not answer.strip():
        return None
    try:
        reply = LLMClient().complete_json(rubric_messages(question, answer), GRADE_SCHEMA)
    except LLMError as failure:
        logger.warning("LLM grading unavailable", extra={"reason": failure.reason})
        return None
    data = reply.data
    return Grade(
        score=float(data["score"]),
        covered=[str(p) for p in data["covered"]],
        missing=[str(p) for p in data["missing"]],
        feedback=str(data["feedback"]),
    )


def combine(analysis: AnswerAnalysis, grade: Grade | None) -> AnswerAnalysis:
    """Average the model's grade into accuracy and the overall score, with its reasons."""
    if grade is None:
        return analysis
    analysis.accuracy.value = round(
        (1 - LLM_WEIGHT) * analysis.accuracy.value + LLM_WEIGHT * grade.score, 1
    )
    analysis.accuracy.evidence.append(f"Interviewer model: {grade.score:.0f}/100. {grade.feedback}")
    analysis.overall = round((1 - LLM_WEIGHT) * analysis.overall + LLM_WEIGHT * grade.score, 1)
    return analysis


def analyse_with_grade(
    question: QuestionContext, answer: str, *, words: Any = None, duration: float | None = None
) -> AnswerAnalysis:
    """The local analysis, combined with the model's rubric grade when one is configured."""
    from interviews.analysis import analyse_answer

    analysis = analyse_answer(question, answer, words=words, duration=duration)
    return combine(analysis, llm_grade(question, answer))
