"""Heading hints from typography: bigger than body text, bold, or short all-caps lines."""

from __future__ import annotations

import statistics

from resumes.parsing.extract.model import Line

# 15% above the body size separates headings from body text in every template we
# tried, while sub-point size jitter (10.5 vs 11 pt) stays below it.
_SIZE_RATIO = 1.15
_MAX_HEADING_WORDS = 6
_MAX_HEADING_CHARS = 40


def _short(text: str) -> bool:
    return len(text) <= _MAX_HEADING_CHARS and len(text.split()) <= _MAX_HEADING_WORDS


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters if c.isascii())


def mark_headings(lines: list[Line]) -> None:
    sized = [line for line in lines if line.size > 0]
    body = 0.0
    if sized:
        # The body size is the size most characters are set in.
        weights: dict[float, int] = {}
        for line in sized:
            key = round(line.size, 1)
            weights[key] = weights.get(key, 0) + len(line.text)
        body = max(weights, key=lambda k: weights[k])
    else:
        body = statistics.median([line.size for line in lines]) if lines else 0.0
    for line in lines:
        if not _short(line.text):
            continue
        bigger = body > 0 and line.size >= body * _SIZE_RATIO
        if bigger or line.bold or (_all_caps(line.text) and line.text.isascii()):
            line.heading = True
