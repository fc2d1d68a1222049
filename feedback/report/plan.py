"""The prioritised improvement plan: the largest gaps first, each with what to practise.

A gap is how far a score sits below ``TARGET``, times how much that area matters in an
interview (``WEIGHTS``): a weak technical score outranks an equally weak tone. Each item
names the questions where the gap showed, so the candidate can re-read those answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from feedback.report import advice
from feedback.report.behaviour import AspectResult
from feedback.report.scoring import DimensionScore
from feedback.report.skills import SkillResult

TARGET = 75.0  # a solid pass at most companies' bars
WEIGHTS = {
    "technical": 1.2,
    "problem_solving": 1.1,
    "communication": 1.0,
    "confidence": 0.9,
    "aspect": 0.8,
    "skill": 1.0,
}
MAX_ITEMS = 5
# The advice topic of a dimension where it differs from the dimension's name.
ADVICE_TOPICS = {"confidence": "confidence_dimension"}


@dataclass
class PlanItem:
    kind: str  # dimension | aspect | skill
    area: str  # the dimension, aspect or skill name
    score: float
    priority: float
    actions: list[str]
    questions: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "area": self.area,
            "score": self.score,
            "priority": self.priority,
            "actions": self.actions,
            "questions": self.questions,
        }


def improvement_plan(
    dimensions: dict[str, DimensionScore],
    aspects: Sequence[AspectResult],
    skills: Sequence[SkillResult],
    language: str,
) -> list[PlanItem]:
    candidates: list[PlanItem] = []
    for name, score in dimensions.items():
        if name == "overall":
            continue
        topic = ADVICE_TOPICS.get(name, name)
        weak = [p for p, s in score.derivation.per_answer.items() if s < TARGET]
        candidates.append(
            _item("dimension", name, score.value, WEIGHTS[name], topic, language, weak)
        )
    for aspect in aspects:
        used = [int(p) for p in aspect.derivation.get("answers", [])]
        candidates.append(
            _item(
                "aspect",
                aspect.aspect,
                aspect.score,
                WEIGHTS["aspect"],
                aspect.aspect,
                language,
                used,
            )
        )
    for skill in skills:
        weak = [int(p) for p, s in skill.derivation.get("per_answer", {}).items() if s < TARGET]
        item = _item(
            "skill", skill.skill, skill.score, WEIGHTS["skill"], "technical", language, weak
        )
        if skill.improvement_areas:
            item.actions = [*skill.improvement_areas[:2], *item.actions[:1]]
        candidates.append(item)
    gaps = sorted((c for c in candidates if c.score < TARGET), key=lambda c: -c.priority)
    if gaps:
        return gaps[:MAX_ITEMS]
    # Everything at or above target: the way forward is to push the weakest strength.
    weakest = min(candidates, key=lambda c: c.score, default=None)
    return [weakest] if weakest else []


def _item(
    kind: str,
    area: str,
    score: float,
    weight: float,
    topic: str,
    language: str,
    questions: list[int],
) -> PlanItem:
    return PlanItem(
        kind=kind,
        area=area,
        score=score,
        priority=round(max(0.0, TARGET - score) * weight, 1),
        actions=advice.advice(topic, score, language, limit=2),
        questions=sorted(questions),
    )
