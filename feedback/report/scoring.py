"""The report's five scores, each a weighted mean of per-answer signals it names.

Every score says how it was made (``Derivation``): the formula, its weights, the mean of
each signal over the answers it used, and which answers those were. A candidate reading
"communication 58" can see that it is 45 % structure, 30 % delivery and 25 % tone over
questions 1, 2 and 4, and which of those pulled it down.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from feedback.report.records import AnswerRecord

# Harder questions say more about a candidate: their answers weigh more in a mean.
DIFFICULTY_WEIGHTS = {"easy": 0.8, "medium": 1.0, "hard": 1.3}

# Per-answer formulas: signal -> weight. A signal an answer lacks (delivery for typed
# answers) is left out and the remaining weights are renormalised for that answer.
FORMULAS: dict[str, dict[str, float]] = {
    # Knowing the subject: covering the expected points, on the question asked.
    "technical": {"accuracy": 0.6, "relevance": 0.4},
    # Being easy to follow: a structure, a clear delivery, a constructive tone.
    "communication": {"structure": 0.45, "delivery": 0.30, "sentiment": 0.25},
    # Working a problem through: the right points, in a reasoned order, on target.
    "problem_solving": {"accuracy": 0.4, "structure": 0.35, "relevance": 0.25},
    # Sounding sure: assertive rather than hedged wording, a steady delivery.
    "confidence": {"confidence": 0.8, "delivery": 0.2},
}
# Which answers each dimension reads (all answers when a session has none of these types).
DIMENSION_TYPES: dict[str, tuple[str, ...] | None] = {
    "technical": ("technical",),
    "communication": None,
    "problem_solving": ("technical", "situational"),
    "confidence": None,
}
OVERALL_WEIGHTS = {
    "technical": 0.35,
    "communication": 0.25,
    "problem_solving": 0.25,
    "confidence": 0.15,
}
DIMENSIONS = ("technical", "communication", "problem_solving", "confidence")


@dataclass
class Derivation:
    formula: str
    weights: dict[str, float]
    signals: dict[str, float] = field(default_factory=dict)  # mean per signal, 0..100
    answers: list[int] = field(default_factory=list)  # positions of the answers used
    per_answer: dict[int, float] = field(default_factory=dict)
    note: str = ""
    adjustment: float = 0.0  # the LLM's bounded adjustment, when one was applied

    def as_dict(self) -> dict[str, Any]:
        return {
            "formula": self.formula,
            "weights": self.weights,
            "signals": self.signals,
            "answers": self.answers,
            "per_answer": {str(k): v for k, v in self.per_answer.items()},
            "note": self.note,
            "adjustment": self.adjustment,
        }


@dataclass
class DimensionScore:
    name: str
    value: float
    derivation: Derivation


def signal(record: AnswerRecord, name: str) -> float | None:
    value = getattr(record, name)
    return None if value is None else float(value)


def answer_score(record: AnswerRecord, formula: dict[str, float]) -> float | None:
    """One answer's weighted score under ``formula``, renormalised over the signals it has."""
    present = {name: w for name, w in formula.items() if signal(record, name) is not None}
    total = sum(present.values())
    if not total:
        return None
    return round(sum(w * (signal(record, n) or 0.0) for n, w in present.items()) / total, 1)


def weighted_mean(values: Sequence[tuple[float, float]]) -> float:
    """Mean of (value, weight) pairs; 0 for none."""
    total = sum(w for _v, w in values)
    return round(sum(v * w for v, w in values) / total, 1) if total else 0.0


def difficulty_weight(record: AnswerRecord) -> float:
    return DIFFICULTY_WEIGHTS.get(record.difficulty, 1.0)


def _describe(formula: dict[str, float]) -> str:
    return " + ".join(f"{weight:.0%} {name}" for name, weight in formula.items())


def dimension(name: str, records: Sequence[AnswerRecord]) -> DimensionScore | None:
    """One of the four dimensions over the analysed answers; None with no answer."""
    analysed = [r for r in records if r.analysed]
    types = DIMENSION_TYPES[name]
    chosen = [r for r in analysed if types is None or r.question_type in types]
    note = ""
    if types is not None and not chosen:
        chosen = analysed
        note = "no_typed_questions"  # the session had none of this dimension's types
    formula = FORMULAS[name]
    per_answer = {r.position: s for r in chosen if (s := answer_score(r, formula)) is not None}
    if not per_answer:
        return None
    by_position = {r.position: r for r in chosen}
    value = weighted_mean([(s, difficulty_weight(by_position[p])) for p, s in per_answer.items()])
    signals = {}
    for signal_name in formula:
        values = [
            (v, difficulty_weight(r)) for r in chosen if (v := signal(r, signal_name)) is not None
        ]
        if values:
            signals[signal_name] = weighted_mean(values)
    return DimensionScore(
        name,
        value,
        Derivation(
            formula=_describe(formula) + ", per answer; answers weighted by difficulty",
            weights=dict(formula),
            signals=signals,
            answers=sorted(per_answer),
            per_answer=per_answer,
            note=note,
        ),
    )


def overall(dimensions: dict[str, DimensionScore]) -> DimensionScore:
    present = {n: w for n, w in OVERALL_WEIGHTS.items() if n in dimensions}
    value = weighted_mean([(dimensions[n].value, w) for n, w in present.items()])
    answers = sorted({p for d in dimensions.values() for p in d.derivation.answers})
    return DimensionScore(
        "overall",
        value,
        Derivation(
            formula=_describe(present) + " (the four dimensions)",
            weights=present,
            signals={n: dimensions[n].value for n in present},
            answers=answers,
        ),
    )


def score_session(records: Sequence[AnswerRecord]) -> dict[str, DimensionScore]:
    """The four dimensions and the overall score; empty when nothing was analysed."""
    found = {n: d for n in DIMENSIONS if (d := dimension(n, records)) is not None}
    if not found:
        return {}
    return {"overall": overall(found), **found}


def communication_quality(record: AnswerRecord) -> float | None:
    return answer_score(record, FORMULAS["communication"])


def technical_accuracy(record: AnswerRecord) -> float | None:
    return signal(record, "accuracy")


Scorer = Callable[[AnswerRecord], float | None]
