"""Near-duplicate questions: two questions that differ by a word or two ask the same thing."""

from __future__ import annotations

import itertools
import re

# Above this Jaccard similarity of their shingles two questions count as the same one.
NEAR_DUPLICATE = 0.6
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[a-z0-9+#.]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "with",
        "your",
        "you",
        "did",
        "do",
        "how",
        "what",
        "why",
        "when",
        "which",
        "is",
        "are",
        "was",
        "were",
        "be",
        "it",
        "that",
        "this",
        "at",
        "as",
        "by",
        "from",
        "about",
        "would",
        "could",
    ]
)


def shingles(text: str) -> frozenset[str]:
    """Content words for Latin text, character bigrams for Chinese (which has no spaces)."""
    lowered = text.casefold()
    words = [w for w in _WORD.findall(lowered) if w not in _STOP]
    chars = _CJK.findall(lowered)
    bigrams = {a + b for a, b in itertools.pairwise(chars)}
    return frozenset(words) | frozenset(bigrams)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def is_near_duplicate(candidate: frozenset[str], chosen: list[frozenset[str]]) -> bool:
    return any(similarity(candidate, other) >= NEAR_DUPLICATE for other in chosen)
