"""Relevance and accuracy: how close the answer is to the question and its expected points.

English: all-MiniLM-L6-v2 embeddings carry most of the weight (paraphrases score well),
with lexical overlap of content words as a smaller second opinion.

Chinese: all-MiniLM-L6-v2 is English-only. It sees Chinese as individual characters it
was never trained on, so any two Chinese sentences land at a cosine of about 0.6 whether
or not they are related (measured on the question bank). For Chinese the lexical signal
therefore leads: recall of the point's character bigrams in the answer (plus its Latin
terms such as ``functools.wraps``), with the embedding counted only above that 0.6-ish
floor, where it still picks up the shared Latin terms and code.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from . import embedding, text
from .payloads import QuestionContext, Score

# Cosine ramps (lower bound scores 0, upper bound scores 1), read off the bank.
# Technical points share their topic, so any answer on the topic sits near 0.5-0.7
# against every point; only about 0.8 means this point was made. Behavioral and
# situational points describe what a good story contains ("describes a specific shared
# deliverable…"), so an answer that tells it reaches about 0.5; unrelated answers sit
# at or below 0.15.
EN_POINT_COSINE = {"technical": (0.35, 0.80), "story": (0.15, 0.55)}
EN_QUESTION_COSINE = (0.10, 0.50)
# Chinese cosines start at the floor described in the module docstring.
ZH_COSINE = (0.65, 0.90)
# Share of a point's bigrams/words found in the answer. Points are written as rubric
# sentences, so even a full answer repeats only part of their wording.
EN_LEXICAL = (0.05, 0.45)
ZH_LEXICAL = (0.03, 0.25)
ZH_QUESTION_LEXICAL = (0.02, 0.15)
EN_EMBEDDING_WEIGHT = 0.6
ZH_EMBEDDING_WEIGHT = 0.3
# A point with this combined score counts as covered in the candidate's feedback.
POINT_COVERED_AT = 0.5
# A Chinese keyword is found when this share of its bigrams occurs in the answer, so
# "主动补位" matches "主动…补位" (word order and particles vary in speech).
ZH_KEYWORD_BIGRAM_RECALL = 0.6

# Answer chunks: about one or two sentences, long enough to carry a point, short enough
# that a point made once is not averaged away (zh counts characters).
CHUNK_WORDS = {"en": 30, "zh": 60}
# Text past this many chunks (about 500 English words, four minutes of speech) is not
# embedded: keeps a rambling answer within the latency budget.
MAX_CHUNKS = 16

# "Situation: …" / "情境：…": the rubric label is not content to match.
_POINT_LABEL = re.compile(r"^\s*(?:[A-Za-z ]{3,20}:|[\u4e00-\u9fff]{2,4}：)\s*")


@dataclass(frozen=True)
class ContentResult:
    relevance: Score
    accuracy: Score
    keywords_found: list[str]
    points_covered: list[str]


def _ramp(value: float, bounds: tuple[float, float]) -> float:
    low, high = bounds
    return min(1.0, max(0.0, (value - low) / (high - low)))


def strip_point_label(point: str) -> str:
    return _POINT_LABEL.sub("", point, count=1)


def _keyword_found(answer: str, keyword: str, chinese: bool) -> bool:
    if text.contains_phrase(answer, keyword):
        return True
    if chinese and text.CJK_CHAR.search(keyword):
        grams = text.cjk_bigrams(keyword)
        return len(grams) >= 2 and text.recall(grams, text.cjk_bigrams(answer)) >= (
            ZH_KEYWORD_BIGRAM_RECALL
        )
    # Multi-word English keywords: every content word present in some form
    # ("clear ownership" in "made ownership clear").
    stems = text.content_stems(keyword)
    return len(stems) >= 2 and stems <= text.content_stems(answer)


def find_keywords(answer: str, keywords: tuple[str, ...], chinese: bool) -> list[str]:
    return [k for k in keywords if _keyword_found(answer, k, chinese)]


def answer_chunks(answer: str, language: str) -> list[str]:
    """Consecutive sentences joined into pieces of about CHUNK_WORDS words.

    Pieces of similar length matter for speed: a batch is padded to its longest text,
    so embedding the whole answer next to its sentences cost 4x more than either alone.
    """
    target = CHUNK_WORDS[language]
    chunks: list[str] = []
    current: list[str] = []
    for sentence in _split_long(text.sentences(answer), target):
        current.append(sentence)
        if text.word_count(" ".join(current)) >= target:
            chunks.append(" ".join(current))
            current = []
    if current:
        chunks.append(" ".join(current))
    return chunks[:MAX_CHUNKS]


def reference_vectors(question: QuestionContext) -> embedding.Vectors:
    """Embeddings of the question text (row 0) and its expected points, cached."""
    points = tuple(strip_point_label(p) for p in question.answer_points)
    return embedding.encode_cached((question.text, *points))


def _split_long(sentences: list[str], target: int) -> list[str]:
    """Unpunctuated transcripts come as one endless "sentence"; cut those into windows of
    ``target`` words (characters for Chinese) so no part is truncated by the model."""
    pieces: list[str] = []
    for sentence in sentences:
        if text.word_count(sentence) <= 2 * target:
            pieces.append(sentence)
        elif text.CJK_CHAR.search(sentence):
            pieces.extend(sentence[i : i + target] for i in range(0, len(sentence), target))
        else:
            words = sentence.split()
            pieces.extend(" ".join(words[i : i + target]) for i in range(0, len(words), target))
    return pieces


def _similarities(
    question: QuestionContext, answer: str, points: list[str], language: str
) -> tuple[float, list[float]]:
    """Cosine of the answer to the question, and each point's best cosine to any chunk
    of the answer (a long answer would dilute a point it makes once)."""
    reference = reference_vectors(question)
    chunks = embedding.encode(answer_chunks(answer, language))
    # The whole answer is the mean of its chunks: all-MiniLM pools by mean too, and it
    # saves a second pass over every token.
    whole = chunks.mean(axis=0)
    whole /= max(float(np.linalg.norm(whole)), 1e-9)
    question_cosine = float(whole @ reference[0])
    if not points:
        return question_cosine, []
    per_point = np.vstack([chunks, whole]) @ reference[1:].T
    return question_cosine, [float(x) for x in per_point.max(axis=0)]


def analyse_content(question: QuestionContext, answer: str, chinese: bool) -> ContentResult:
    points = [strip_point_label(p) for p in question.answer_points]
    question_cosine, point_cosines = _similarities(
        question, answer, points, "zh" if chinese else "en"
    )
    answer_units = text.lexical_units(answer)

    cosine_bounds = EN_POINT_COSINE[
        "technical" if question.question_type == "technical" else "story"
    ]
    point_scores: list[float] = []
    for point, cosine in zip(points, point_cosines, strict=True):
        lexical = text.recall(text.lexical_units(point), answer_units)
        if chinese:
            score = (1 - ZH_EMBEDDING_WEIGHT) * _ramp(lexical, ZH_LEXICAL)
            score += ZH_EMBEDDING_WEIGHT * _ramp(cosine, ZH_COSINE)
        else:
            score = EN_EMBEDDING_WEIGHT * _ramp(cosine, cosine_bounds)
            score += (1 - EN_EMBEDDING_WEIGHT) * _ramp(lexical, EN_LEXICAL)
        point_scores.append(score)

    if chinese:
        question_lexical = text.recall(text.lexical_units(question.text), answer_units)
        question_score = (1 - ZH_EMBEDDING_WEIGHT) * _ramp(question_lexical, ZH_QUESTION_LEXICAL)
        question_score += ZH_EMBEDDING_WEIGHT * _ramp(question_cosine, ZH_COSINE)
    else:
        question_score = _ramp(question_cosine, EN_QUESTION_COSINE)

    keywords_found = find_keywords(answer, question.keywords, chinese)
    keyword_share = len(keywords_found) / len(question.keywords) if question.keywords else None
    covered = [
        question.answer_points[i] for i, s in enumerate(point_scores) if s >= POINT_COVERED_AT
    ]

    relevance = _relevance(question_score, point_scores, keyword_share)
    accuracy = _accuracy(point_scores, keyword_share, relevance.value)
    _explain(relevance, accuracy, question, point_scores, covered, keywords_found)
    return ContentResult(relevance, accuracy, keywords_found, covered)


def _relevance(
    question_score: float, point_scores: list[float], keyword_share: float | None
) -> Score:
    # An on-topic answer need not make every point, so relevance looks at the best half.
    best = sorted(point_scores, reverse=True)[: max(1, math.ceil(len(point_scores) / 2))]
    parts = [(0.45, question_score)]
    if point_scores:
        parts.append((0.4, sum(best) / len(best)))
    if keyword_share is not None:
        parts.append((0.15, min(1.0, keyword_share * 2)))
    value = 100 * sum(w * v for w, v in parts) / sum(w for w, _ in parts)
    return Score(round(value, 1), [])


def _accuracy(point_scores: list[float], keyword_share: float | None, relevance: float) -> Score:
    if not point_scores and keyword_share is None:
        return Score(relevance, [])
    parts: list[tuple[float, float]] = []
    if point_scores:
        parts.append((0.7, sum(point_scores) / len(point_scores)))
    if keyword_share is not None:
        parts.append((0.3, keyword_share))
    value = 100 * sum(w * v for w, v in parts) / sum(w for w, _ in parts)
    return Score(round(value, 1), [])


def _explain(
    relevance: Score,
    accuracy: Score,
    question: QuestionContext,
    point_scores: list[float],
    covered: list[str],
    keywords_found: list[str],
) -> None:
    if relevance.value >= 60:
        relevance.evidence.append("The answer addresses the question directly.")
    elif relevance.value >= 35:
        relevance.evidence.append("The answer is only partly about what was asked.")
    else:
        relevance.evidence.append("The answer does not address what was asked.")
    if point_scores:
        best = max(range(len(point_scores)), key=point_scores.__getitem__)
        if point_scores[best] >= POINT_COVERED_AT:
            relevance.evidence.append(f"Closest expected point: {question.answer_points[best]}")
    for point in covered:
        accuracy.evidence.append(f"Covered: {point}")
    for point in question.answer_points:
        if point not in covered:
            accuracy.evidence.append(f"Missing: {point}")
    if question.keywords:
        found = ", ".join(keywords_found) if keywords_found else "none"
        accuracy.evidence.append(
            f"Key terms used: {found} ({len(keywords_found)} of {len(question.keywords)})"
        )
        missing = [k for k in question.keywords if k not in keywords_found]
        if missing:
            accuracy.evidence.append("Key terms not mentioned: " + ", ".join(missing))
