"""Is an utterance the same question asked again?

Interviewers repeat a question when the line was bad or the candidate hesitated, often
reworded a little ("so can you tell me about a time when you disagreed with your
manager"), and Whisper transcribes the two differently. Both are cleaned, reduced to what
they are about (the framing: "tell me about", "can you", 说一下, 你, 的, is dropped), and
compared as sets: English words (crudely stemmed) and Chinese character bigrams. The same
question has a high Jaccard similarity, or one question's content is nearly all contained
in the other's ("what is a closure" / "what is a closure in javascript" are not: one word
is too little to say so).
"""

from __future__ import annotations

import itertools
import re

from assist.detection import lexicons as lx
from assist.detection.cleaning import CJK_RANGE, LATIN_WORD, clean_text

# At or above this Jaccard similarity two utterances are the same question.
SAME_QUESTION_JACCARD = 0.6
# A shorter question this much contained in a longer one is the same question...
SAME_QUESTION_CONTAINED = 0.85
# ...when it says at least this much (three words or bigrams).
MIN_CONTAINED_ITEMS = 3
# Spelling drift between two transcriptions ("kubernetes"/"kubernetis") is caught by
# comparing words' character trigrams as well.
SAME_QUESTION_TRIGRAMS = 0.7

_EN_FRAMING = frozenset(lx.SAME_QUESTION_EN_FRAMING)
_ZH_FRAMING = re.compile(lx.SAME_QUESTION_ZH_FRAMING)
_CJK_RUN = re.compile(f"[{CJK_RANGE}]+")


def same_question(a: str, b: str) -> bool:
    """True when ``b`` asks again what ``a`` asked (after cleaning both)."""
    first, second = clean_text(a), clean_text(b)
    if not first.text or not second.text:
        return False
    items_a, items_b = _content(first.text), _content(second.text)
    if not items_a or not items_b:
        return first.text == second.text
    if _jaccard(items_a, items_b) >= SAME_QUESTION_JACCARD:
        return True
    smaller, larger = sorted((items_a, items_b), key=len)
    contained = len(smaller & larger) / len(smaller)
    if len(smaller) >= MIN_CONTAINED_ITEMS and contained >= SAME_QUESTION_CONTAINED:
        return True
    return _jaccard(_trigrams(items_a), _trigrams(items_b)) >= SAME_QUESTION_TRIGRAMS


def has_topic(text: str) -> bool:
    """Whether a cleaned utterance says what it is about, beyond its framing ("so can
    you", "说一下"): a fragment cut from a sentence is no question to answer."""
    return bool(_content(text))


def _content(text: str) -> frozenset[str]:
    words = {_stem(w) for w in LATIN_WORD.findall(text) if w not in _EN_FRAMING}
    bigrams: set[str] = set()
    for run in _CJK_RUN.findall(_ZH_FRAMING.sub(" ", text)):
        if len(run) == 1:
            bigrams.add(run)
        bigrams.update(a + b for a, b in itertools.pairwise(run))
    return frozenset(words | bigrams)


def _stem(word: str) -> str:
    """Enough stemming for two transcriptions of one question: "disagreed"/"disagree"."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _trigrams(items: frozenset[str]) -> frozenset[str]:
    grams: set[str] = set()
    for item in items:
        padded = f" {item} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
