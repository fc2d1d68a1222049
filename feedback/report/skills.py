"""Skill levels from the answers about each skill, with quoted evidence.

A level rests on evidence, so it comes with a confidence: one medium question about
Kubernetes says less than three, one of them hard. "Expert" needs a strong answer to a
hard question; no number of easy answers earns it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from feedback.report.records import AnswerRecord
from feedback.report.scoring import FORMULAS, answer_score, difficulty_weight, weighted_mean
from interviews.analysis import text

LEVELS = (  # (lowest score, level), best first
    (85.0, "expert"),
    (70.0, "advanced"),
    (50.0, "intermediate"),
    (0.0, "beginner"),
)
EXPERT_NEEDS_HARD = 80.0  # a hard question answered at least this well
# Confidence in a level by the number of answers it rests on (more answers, more sure).
CONFIDENCE_BY_ANSWERS = {1: 0.5, 2: 0.7}
CONFIDENCE_MANY = 0.85
HARD_QUESTION_BONUS = 0.1
MAX_CONFIDENCE = 0.95
MAX_QUOTES = 3


@dataclass
class SkillResult:
    skill: str
    level: str
    score: float
    confidence: float
    answers: int
    evidence: list[str] = field(default_factory=list)
    improvement_areas: list[str] = field(default_factory=list)
    derivation: dict[str, Any] = field(default_factory=dict)


def evaluate_skills(records: Sequence[AnswerRecord]) -> list[SkillResult]:
    """One result per skill a question was about, strongest first."""
    by_skill: dict[str, list[AnswerRecord]] = defaultdict(list)
    for record in records:
        if record.analysed and record.skill.strip():
            by_skill[record.skill.strip()].append(record)
    results = [_evaluate(skill, answers) for skill, answers in by_skill.items()]
    return sorted(results, key=lambda r: (-r.score, r.skill.casefold()))


def _evaluate(skill: str, answers: list[AnswerRecord]) -> SkillResult:
    formula = FORMULAS["technical"]
    scored = [(r, answer_score(r, formula) or 0.0) for r in answers]
    score = weighted_mean([(s, difficulty_weight(r)) for r, s in scored])
    hard_best = max((s for r, s in scored if r.difficulty == "hard"), default=None)
    level = next(name for floor, name in LEVELS if score >= floor)
    capped = level == "expert" and (hard_best is None or hard_best < EXPERT_NEEDS_HARD)
    if capped:
        level = "advanced"
    confidence = CONFIDENCE_BY_ANSWERS.get(len(answers), CONFIDENCE_MANY)
    if hard_best is not None:
        confidence += HARD_QUESTION_BONUS
    return SkillResult(
        skill=skill,
        level=level,
        score=score,
        confidence=round(min(confidence, MAX_CONFIDENCE), 2),
        answers=len(answers),
        evidence=_quotes(answers),
        improvement_areas=_gaps(answers),
        derivation={
            "formula": "60% accuracy + 40% relevance per answer, weighted by difficulty",
            "per_answer": {str(r.position): s for r, s in scored},
            "levels": {name: floor for floor, name in LEVELS},
            "expert_capped": capped,
            "confidence_from": f"{len(answers)} answer(s)"
            + (", one hard" if hard_best is not None else ""),
        },
    )


def _quotes(answers: list[AnswerRecord]) -> list[str]:
    """Sentences of the answers that use the question's key terms, best answers first."""
    quotes: list[str] = []
    for record in sorted(answers, key=lambda r: -(r.overall or 0.0)):
        used = [k for k in record.keywords_found if k.strip()]
        for sentence in text.sentences(record.answer):
            if used and text.find_phrases(sentence, tuple(used)):
                quotes.append(text.quote(sentence))
                break
        if len(quotes) >= MAX_QUOTES:
            break
    return quotes


def _gaps(answers: list[AnswerRecord]) -> list[str]:
    """Expected points no answer about the skill covered, then key terms never used."""
    covered = {p for r in answers for p in r.points_covered}
    missed_points = [p for r in answers for p in r.points_expected if p not in covered]
    used = {k.casefold() for r in answers for k in r.keywords_found}
    missed_terms = [k for r in answers for k in r.keywords_expected if k.casefold() not in used]
    return list(dict.fromkeys(missed_points))[:3] + list(dict.fromkeys(missed_terms))[:3]
