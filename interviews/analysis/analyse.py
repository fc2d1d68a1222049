"""analyse_answer: runs every scorer on one answer and combines them."""

from __future__ import annotations

from collections.abc import Sequence

from . import content, delivery, embedding, structure, text, tone
from .payloads import AnswerAnalysis, QuestionContext, Score, SpokenWord

# Weights of the overall score. Content (relevance + accuracy) is what the interview is
# for; delivery counts only for spoken answers, and the rest is renormalised without it.
WEIGHTS = {
    "relevance": 0.25,
    "accuracy": 0.30,
    "structure": 0.15,
    "confidence": 0.10,
    "sentiment": 0.05,
    "delivery": 0.15,
}
OFF_TOPIC_BELOW = 35.0
WEAK_BELOW = 45.0
# Fewer words than this cannot answer an interview question (zh counts characters,
# about 1.7 per English word).
MIN_WORDS = {"en": 20, "zh": 35}


def analyse_answer(
    question: QuestionContext,
    answer: str,
    *,
    words: Sequence[SpokenWord] | None = None,
    duration: float | None = None,
) -> AnswerAnalysis:
    """Score one answer against its question; see the package docstring for the parts."""
    chinese = question.language == "zh" or text.is_chinese(answer)
    language = "zh" if chinese else "en"
    spoken = delivery.analyse_delivery(answer, language, words, duration)
    if text.word_count(answer) == 0:  # blank, or only punctuation and emoji
        return _no_answer(spoken)

    found = content.analyse_content(question, answer, chinese)
    parts: dict[str, Score] = {
        "relevance": found.relevance,
        "accuracy": found.accuracy,
        "structure": structure.analyse_structure(answer, question.question_type, language),
        "sentiment": tone.analyse_sentiment(answer, language),
        "confidence": tone.analyse_confidence(answer, language),
    }
    if spoken.score is not None:
        parts["delivery"] = spoken.score
    overall = _overall(parts)
    too_short = text.word_count(answer) < MIN_WORDS[language]
    if too_short:
        parts["relevance"].evidence.append(
            f"Very short answer ({text.word_count(answer)} {'characters' if chinese else 'words'})."
        )
    return AnswerAnalysis(
        relevance=parts["relevance"],
        accuracy=parts["accuracy"],
        structure=parts["structure"],
        sentiment=parts["sentiment"],
        confidence=parts["confidence"],
        delivery=spoken.score,
        keywords_found=found.keywords_found,
        points_covered=found.points_covered,
        overall=overall,
        off_topic=parts["relevance"].value < OFF_TOPIC_BELOW,
        weak=overall < WEAK_BELOW or too_short,
        words_per_minute=spoken.words_per_minute,
        filler_count=len(spoken.fillers),
        long_pauses=spoken.long_pauses,
    )


def _overall(parts: dict[str, Score]) -> float:
    total = sum(WEIGHTS[name] for name in parts)
    return round(sum(WEIGHTS[name] * s.value for name, s in parts.items()) / total, 1)


def _no_answer(spoken: delivery.DeliveryResult) -> AnswerAnalysis:
    """Every score at zero without touching the model. Not flagged off-topic: there is
    nothing to be off; ``weak`` asks for the follow-up."""

    def nothing() -> Score:
        return Score(0.0, ["No answer was given."])

    return AnswerAnalysis(
        relevance=nothing(),
        accuracy=nothing(),
        structure=nothing(),
        sentiment=nothing(),
        confidence=nothing(),
        delivery=spoken.score,
        keywords_found=[],
        points_covered=[],
        overall=0.0,
        off_topic=False,
        weak=True,
        words_per_minute=spoken.words_per_minute,
        filler_count=len(spoken.fillers),
        long_pauses=spoken.long_pauses,
    )


def prepare_question(question: QuestionContext) -> None:
    """Embed the question and its expected points now (they are cached), so analysing
    the answer later does not pay for it: call it when the question is asked."""
    if question.answer_points or question.text:
        content.reference_vectors(question)


def warm_up() -> None:
    """Load the embedding model and run it once, so the first answer is not slow."""
    embedding.encode(["warm up"])
