"""Question detection for live assist: is what the interviewer just said a question?

Whisper turns the interviewer's speech into text one utterance at a time, usually
lowercase, unpunctuated and full of hesitations ("um so uh tell me about a time you you
disagreed with your manager"), in English or Simplified Chinese with English terms mixed
in ("说一下你对微服务的理解"). ``detect`` decides whether an utterance should get answer
suggestions, and of which type:

- ``cleaning``: hesitations, false starts and repeated words removed; clauses split at
  punctuation and pauses; Traditional Chinese folded to Simplified;
- ``questions``: scored features per clause (question cues and where they stand, request
  verbs, "you"/你, question particles, a question mark, non-question patterns, length)
  combined into the probability that the utterance is a question, and otherwise what it
  is: small talk, logistics, an acknowledgement or a statement;
- ``classification``: technical, behavioral or situational by ordered framing rules, and the
  competency a behavioral or situational question probes;
- ``similarity``: whether a question is one already asked, so it is not answered twice.

Pure Python with precompiled patterns (well under a millisecond an utterance), no model
and no Django. Limits: it knows what its word lists (``lexicons``) know. A question asked
in a phrasing they lack, without a question mark, reads as a statement; types are decided
by framing and vocabulary, so a hypothetical about a technical problem with few technical
words reads as situational; it sees one utterance, never the conversation, so a bare
follow-up ("why?") gets a type from its own words alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from assist.detection.classification import classify
from assist.detection.cleaning import clean_text
from assist.detection.questions import judge
from assist.detection.similarity import has_topic, same_question

__all__ = ["Detection", "clean", "detect", "has_subject", "same_question"]

QUESTION_TYPES = ("technical", "behavioral", "situational")
KINDS = ("question", "small_talk", "logistics", "acknowledgement", "statement")
COMPETENCIES = (
    "teamwork",
    "conflict",
    "leadership",
    "failure",
    "ownership",
    "communication",
    "prioritization",
    "adaptability",
    "customer_focus",
    "problem_solving",
    "learning",
    "ethics",
    "influence",
    "pressure",
)


@dataclass(frozen=True)
class Detection:
    is_question: bool
    question_type: str | None  # technical | behavioral | situational; None if not a question
    kind: str  # question | small_talk | logistics | acknowledgement | statement
    confidence: float  # in [0, 1]: how sure the is_question decision is
    competency: str | None  # for behavioral and situational questions, else None
    language: str  # en | zh: as given to detect, else detected from the text
    text: str  # the cleaned text the detector matched


def detect(text: str, language: str | None = None) -> Detection:
    """Classify one utterance.

    ``language`` (the session's: "en", "zh", "zh-CN" and the like) is reported as given;
    the text is still matched in the language it is written in, since an English question
    in a Chinese session is an English sentence. It decides only what the text cannot: a
    mix of both with neither ahead.
    """
    cleaned = clean_text(text, language)
    verdict = judge(cleaned)
    is_question = verdict.kind == "question"
    question_type: str | None = None
    competency: str | None = None
    if is_question:
        question_type, found = classify(cleaned)
        competency = found or None
    sureness = verdict.probability if is_question else 1.0 - verdict.probability
    return Detection(
        is_question=is_question,
        question_type=question_type,
        kind=verdict.kind,
        confidence=round(min(1.0, max(0.0, sureness)), 3),
        competency=competency,
        language=_language_code(language) or cleaned.language,
        text=cleaned.text,
    )


def has_subject(detection: Detection) -> bool:
    """Whether a question says what it is about: "why?", "like what?" or a fragment cut
    where the speaker paused ("so can you?") are questions, but no suggestion can be
    built from their words alone. Short ones only: "tell me about yourself" is all
    framing words and is still a question with a subject."""
    short = len(detection.text.split()) <= 3 and len(detection.text) <= 12
    return not short or has_topic(detection.text)


def _language_code(language: str | None) -> str | None:
    code = (language or "").strip().lower()
    for known in ("zh", "en"):
        if code.startswith(known):
            return known
    return None


def clean(text: str, language: str | None = None) -> str:
    """The transcript without hesitations, false starts and repeats; English lowercased."""
    return clean_text(text, language).text
