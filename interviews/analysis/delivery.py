"""Delivery of spoken answers: pace, filler words and long pauses.

Chinese pace is counted in characters per minute (the usual measure, since Chinese has
no spaces); it is reported in the same ``words_per_minute`` field.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicons, text
from .payloads import Score, SpokenWord

# A silence longer than this between two words reads as losing the thread.
LONG_PAUSE_SECONDS = 2.0
# Comfortable interview pace: English words/min, Chinese characters/min.
PACE_RANGE = {"en": (110.0, 170.0), "zh": (160.0, 280.0)}
MAX_PACE_PENALTY = 30.0
FILLER_RATE_COST = 8.0  # per filler per 100 words: five per 100 words costs 40
MAX_FILLER_PENALTY = 40.0
PAUSE_COST = 10.0
MAX_PAUSE_PENALTY = 30.0
# Pauses quoted in the evidence: enough to find them in the recording.
PAUSES_QUOTED = 3

_PAUSE_MARK = r"[,，.。!?！？…、;；:：]"


@dataclass(frozen=True)
class DeliveryResult:
    score: Score | None
    words_per_minute: float | None
    fillers: list[str]
    long_pauses: int


def find_fillers(answer: str, language: str) -> list[str]:
    """Every filler in the transcript, hard ones always, soft ones next to a pause."""
    hits, marked = text.blank_phrases(answer, lexicons.FILLERS[language])
    blank = re.escape(text.BLANK)
    for soft in lexicons.SOFT_FILLERS[language]:
        word = re.escape(soft)
        if language != "zh":
            word = rf"(?<![a-z0-9']){word}(?![a-z0-9'])"
        before = rf"(?:^|{_PAUSE_MARK}|{blank})\s*"
        after = rf"(?=\s*(?:{_PAUSE_MARK}|{blank}|$))"
        hits.extend([soft] * len(re.findall(rf"{before}{word}|{word}{after}", marked)))
    return hits


def _pace(answer: str, words: Sequence[SpokenWord] | None, duration: float | None) -> float | None:
    if duration is None and words:
        duration = words[-1].end - words[0].start
    if not duration or duration <= 0:
        return None
    spoken = " ".join(w.text for w in words) if words else answer
    return round(text.word_count(spoken) * 60.0 / duration, 1)


def _long_pauses(words: Sequence[SpokenWord]) -> list[tuple[float, str]]:
    """(gap in seconds, word before it) for every silence over the threshold."""
    ordered = sorted(words, key=lambda w: w.start)
    return [
        (round(b.start - a.end, 1), a.text)
        for a, b in itertools.pairwise(ordered)
        if b.start - a.end > LONG_PAUSE_SECONDS
    ]


def analyse_delivery(
    answer: str,
    language: str,
    words: Sequence[SpokenWord] | None,
    duration: float | None,
) -> DeliveryResult:
    fillers = find_fillers(answer, language)
    if words is None and duration is None:
        return DeliveryResult(None, None, fillers, 0)

    wpm = _pace(answer, words, duration)
    pauses = _long_pauses(words) if words else []
    value = 100.0
    evidence: list[str] = []
    unit = "characters" if language == "zh" else "words"
    low, high = PACE_RANGE[language]
    if wpm is None:
        evidence.append("Pace unknown: no duration.")
    elif wpm < low:
        value -= min(MAX_PACE_PENALTY, (low - wpm) / low * 2 * MAX_PACE_PENALTY)
        evidence.append(f"{wpm:.0f} {unit} per minute: slow (comfortable {low:.0f}–{high:.0f}).")
    elif wpm > high:
        value -= min(MAX_PACE_PENALTY, (wpm - high) / high * 2 * MAX_PACE_PENALTY)
        evidence.append(f"{wpm:.0f} {unit} per minute: fast (comfortable {low:.0f}–{high:.0f}).")
    else:
        evidence.append(f"{wpm:.0f} {unit} per minute: a comfortable pace.")

    if fillers:
        rate = len(fillers) * 100 / max(text.word_count(answer), 1)
        value -= min(MAX_FILLER_PENALTY, FILLER_RATE_COST * rate)
        evidence.append(f"{len(fillers)} filler word(s): {text.tally(fillers)}")
    else:
        evidence.append("No filler words.")

    if pauses:
        value -= min(MAX_PAUSE_PENALTY, PAUSE_COST * len(pauses))
        quoted = ", ".join(f"{gap:.1f} s after “{word}”" for gap, word in pauses[:PAUSES_QUOTED])
        evidence.append(f"{len(pauses)} long pause(s) over {LONG_PAUSE_SECONDS:.0f} s: {quoted}")
    elif words:
        evidence.append("No long pauses.")

    score = Score(round(max(0.0, value), 1), evidence)
    return DeliveryResult(score, wpm, fillers, len(pauses))
