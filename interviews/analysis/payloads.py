"""The dataclasses that go in and out of answer analysis (the public contract)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuestionContext:
    """What the analysis needs to know about the question that was asked."""

    text: str
    question_type: str  # technical | behavioral | situational
    language: str  # en | zh
    keywords: tuple[str, ...]
    answer_points: tuple[str, ...]
    skill: str = ""


@dataclass(frozen=True)
class SpokenWord:
    """One word of a speech-to-text transcript with its timestamps."""

    text: str
    start: float  # seconds
    end: float


@dataclass
class Score:
    """A 0..100 score with the reasons a candidate can read."""

    value: float
    evidence: list[str]


@dataclass
class AnswerAnalysis:
    relevance: Score  # to the question and its expected points
    accuracy: Score  # coverage of expected points and keywords
    structure: Score  # STAR for behavioral answers; claim, reasons, example otherwise
    sentiment: Score  # positive/constructive vs negative tone
    confidence: Score  # hedging vs assertive language
    delivery: Score | None  # spoken answers only
    keywords_found: list[str]
    points_covered: list[str]
    overall: float  # weighted 0..100
    off_topic: bool  # relevance low
    weak: bool  # overall low or answer very short (drives a follow-up question)
    words_per_minute: float | None
    filler_count: int
    long_pauses: int
