"""The LLM's part of a report: the narrative, written from the computed scores and evidence.

The scores are computed locally first (``feedback.report``); the model reads them with
their evidence and writes the summary, sharper per-question suggestions and model answer
outlines. It may move a dimension score by at most ``MAX_ADJUSTMENT`` points, and each
move is recorded in that score's derivation. Any failure (timeout, junk, a violated
contract after the client's retries) keeps the local report as it is.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from feedback import metrics
from feedback.report.build import Report
from feedback.report.scoring import DIMENSIONS, overall
from interviewgenius.engines.llm import LLMClient, LLMError, is_configured

logger = logging.getLogger(__name__)

MAX_ADJUSTMENT = 10.0
MAX_ANSWER_CHARS = 1500  # per answer in the prompt: enough to judge, bounded in size
_TEXT = {"type": "string", "maxLength": 400}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["summary", "questions"],
    "properties": {
        "summary": {"type": "string", "minLength": 1, "maxLength": 2000},
        "questions": {
            "type": "array",
            "maxItems": 60,
            "items": {
                "type": "object",
                "required": ["position"],
                "properties": {
                    "position": {"type": "integer"},
                    "suggestions": {"type": "array", "maxItems": 5, "items": _TEXT},
                    "model_answer": {"type": "array", "maxItems": 8, "items": _TEXT},
                },
            },
        },
        "adjustments": {
            "type": "object",
            "properties": {
                name: {"type": "number", "minimum": -100, "maximum": 100} for name in DIMENSIONS
            },
            "additionalProperties": False,
        },
    },
}
SYSTEM = (
    "You are an experienced, candid interview coach. You write the narrative of a mock "
    "interview report from scores that were already computed, and reply only with JSON."
)


@dataclass(frozen=True)
class NarrativeOutcome:
    used: bool
    error: str = ""


def messages(report: Report) -> list[dict[str, str]]:
    language = "Simplified Chinese" if report.language == "zh" else "English"
    facts = {
        "scores": {n: d.value for n, d in report.scores.items()},
        "score_signals": {n: d.derivation.signals for n, d in report.scores.items()},
        "questions": [
            {
                "position": q.record.position,
                "type": q.record.question_type,
                "question": q.record.question,
                "answer": q.record.answer[:MAX_ANSWER_CHARS],
                "score": q.answer_score,
                "expected_points": list(q.record.points_expected),
                "points_covered": list(q.record.points_covered),
                "evidence": {k: v for k, v in q.record.evidence.items() if isinstance(v, list)},
                "local_suggestions": q.suggestions,
            }
            for q in report.questions
        ],
        "skills": [{"skill": s.skill, "level": s.level, "score": s.score} for s in report.skills],
        "behaviour": [{"aspect": a.aspect, "score": a.score} for a in report.aspects],
    }
    user = (
        f"Interview facts (JSON): {json.dumps(facts, ensure_ascii=False)}\n"
        f"Write in {language}. Reply with JSON: "
        '{"summary": "4-6 sentences: how the interview went, the strongest and weakest '
        'areas with the evidence, what to do first", "questions": [{"position": n, '
        '"suggestions": ["up to 4 specific improvements for that answer"], "model_answer": '
        "[\"an outline of a strong answer, point by point, using the candidate's own "
        'experience from their answers"]}], "adjustments": {"technical": number, '
        '"communication": number, "problem_solving": number, "confidence": number}}. '
        f"Adjustments are between -{MAX_ADJUSTMENT:.0f} and {MAX_ADJUSTMENT:.0f}: use them "
        "only where the answers show something the scores missed; 0 otherwise."
    )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def write_narrative(report: Report) -> NarrativeOutcome:
    """Let the LLM write the narrative into ``report``; False (and why) when it cannot."""
    if not is_configured() or not report.scores:
        return NarrativeOutcome(used=False)
    try:
        reply = LLMClient().complete_json(messages(report), SCHEMA)
    except LLMError as failure:
        logger.warning(
            "feedback narrative fell back to templates", extra={"reason": failure.reason}
        )
        metrics.LLM_FALLBACKS.labels(failure.reason).inc()
        return NarrativeOutcome(used=False, error=f"{failure.reason}: {failure}"[:200])
    apply(report, reply.data)
    return NarrativeOutcome(used=True)


def apply(report: Report, data: dict[str, Any]) -> None:
    report.summary = str(data["summary"]).strip()
    by_position = {q.record.position: q for q in report.questions}
    for entry in data["questions"]:
        question = by_position.get(entry["position"])
        if question is None:
            continue  # a position the interview does not have: ignored
        suggestions = [s.strip() for s in entry.get("suggestions", []) if s.strip()]
        outline = [p.strip() for p in entry.get("model_answer", []) if p.strip()]
        if suggestions:
            question.suggestions = suggestions
        if outline:
            question.model_answer = outline
    adjusted = False
    for name, raw in (data.get("adjustments") or {}).items():
        score = report.scores.get(name)
        if score is None:
            continue
        delta = max(-MAX_ADJUSTMENT, min(MAX_ADJUSTMENT, float(raw)))
        if not delta:
            continue
        score.derivation.adjustment = round(delta, 1)
        score.value = round(max(0.0, min(100.0, score.value + delta)), 1)
        adjusted = True
    if adjusted and "overall" in report.scores:
        report.scores["overall"] = overall(
            {n: d for n, d in report.scores.items() if n in DIMENSIONS}
        )
