"""Sentiment (constructive vs negative tone) and confidence (hedging vs assertive)."""

from __future__ import annotations

from . import lexicons, text
from .payloads import Score

# A neutral, matter-of-fact answer is fine in an interview: it starts well above half.
NEUTRAL_SENTIMENT = 65.0
POSITIVE_STEP = 6.0  # per constructive word, up to MAX_POSITIVE_WORDS
MAX_POSITIVE_WORDS = 5
NEGATIVE_STEP = 15.0  # blaming or disparaging language costs more than praise earns

BASE_CONFIDENCE = 75.0
# Points lost per hedge per 100 words: three hedges in a 100-word answer cost 27.
HEDGE_RATE_COST = 9.0
# Short answers are judged as if they had this many words, so one "maybe" in a
# ten-word answer does not sink the score by itself.
MIN_WORDS_FOR_RATE = 40
ASSERTIVE_STEP = 5.0
MAX_ASSERTIVE_PHRASES = 5


def _clamp(value: float) -> float:
    return round(min(100.0, max(0.0, value)), 1)


def analyse_sentiment(answer: str, language: str) -> Score:
    positive = text.phrase_hits(answer, lexicons.POSITIVE[language])
    negative = text.phrase_hits(answer, lexicons.NEGATIVE[language])
    value = NEUTRAL_SENTIMENT + POSITIVE_STEP * min(len(positive), MAX_POSITIVE_WORDS)
    value -= NEGATIVE_STEP * len(negative)
    evidence: list[str] = []
    if positive:
        evidence.append("Constructive words: " + text.tally(positive))
    if negative:
        evidence.append("Negative or blaming words: " + text.tally(negative))
    if not positive and not negative:
        evidence.append("Neutral, matter-of-fact tone.")
    return Score(_clamp(value), evidence)


def analyse_confidence(answer: str, language: str) -> Score:
    hedges = text.phrase_hits(answer, lexicons.HEDGES[language])
    assertive = text.phrase_hits(answer, lexicons.ASSERTIVE[language])
    words = max(text.word_count(answer), MIN_WORDS_FOR_RATE)
    value = BASE_CONFIDENCE - HEDGE_RATE_COST * len(hedges) * 100 / words
    value += ASSERTIVE_STEP * min(len(assertive), MAX_ASSERTIVE_PHRASES)
    evidence: list[str] = []
    if hedges:
        evidence.append(f"{len(hedges)} hedge(s): " + text.tally(hedges))
    if assertive:
        evidence.append("Assertive phrasing: " + text.tally(assertive))
    if not hedges and not assertive:
        evidence.append("No hedging.")
    return Score(_clamp(value), evidence)
