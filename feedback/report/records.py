"""What the report engine reads: one analysed answer of a mock interview."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class AnswerRecord:
    """One answered question with the per-answer analysis that the interview stored.

    Scores are 0..100 or ``None`` where the analysis did not produce one (``delivery``
    for typed answers; everything while an analysis is still pending).
    """

    position: int
    question: str
    question_type: str  # technical | behavioral | situational
    difficulty: str  # easy | medium | hard
    skill: str
    language: str  # en | zh: the answer's language
    answer: str
    input_mode: str = "text"  # text | audio
    is_follow_up: bool = False
    relevance: float | None = None
    accuracy: float | None = None
    structure: float | None = None
    sentiment: float | None = None
    confidence: float | None = None
    delivery: float | None = None
    overall: float | None = None
    keywords_expected: tuple[str, ...] = ()
    keywords_found: tuple[str, ...] = ()
    points_expected: tuple[str, ...] = ()
    points_covered: tuple[str, ...] = ()
    # The analysis's evidence: a list of strings per score name ("relevance", "accuracy",
    # "structure", "sentiment", "confidence", "delivery") plus "words_per_minute",
    # "filler_count" and "long_pauses".
    evidence: Mapping[str, Any] = field(default_factory=dict)

    @property
    def analysed(self) -> bool:
        return self.overall is not None
