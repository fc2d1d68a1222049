"""Hallucination guards applied to every backend's segments.

Whisper, fed silence, noise or the tail of an answer, invents fluent text ("Thank you
for watching") or loops on one phrase. The backends already gate audio by voice
activity and decode without the previous text as a prompt (which is what lets a loop
carry over from one window to the next); these checks then drop what got through.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import replace

import numpy as np

from interviewgenius.engines.speech.types import Segment, Word

# Whisper's own defaults for "this window is silence" and "this decode is a guess";
# here a segment failing either is dropped (Whisper needs both to fail).
NO_SPEECH_PROB_MAX = 0.6
AVG_LOGPROB_MIN = -1.0
# A phrase said three times in a row is almost always a decoding loop, not speech.
REPEAT_LIMIT = 3
MAX_PHRASE_WORDS = 8  # longer loops are rare, and checking them costs more than it finds
# Whisper's own test for a looping decode: text that gzip shrinks this much repeats
# itself, even inside one "word" ("ConstConstConst..."), where word checks see nothing.
COMPRESSION_RATIO_MAX = 2.4

# Energy gate (for backends without a neural VAD): 30 ms frames, and a frame counts as
# voiced above -45 dBFS, well over a quiet room (about -60) and under soft speech (-35).
FRAME_SECONDS = 0.03
VOICED_DBFS = -45.0
MIN_VOICED_SECONDS = 0.2  # less than this is a click or a cough, not an answer
MIN_SEGMENT_VOICED_SHARE = 0.1

_NORMALISE = re.compile(r"[^\w']+")


def clean_segments(segments: list[Segment]) -> list[Segment]:
    kept: list[Segment] = []
    for segment in segments:
        if segment.no_speech_prob > NO_SPEECH_PROB_MAX or segment.avg_logprob < AVG_LOGPROB_MIN:
            continue
        segment = collapse_repeats(segment)
        if not segment.text.strip() or compression_ratio(segment.text) > COMPRESSION_RATIO_MAX:
            continue
        # The same segment text three times running is a loop across windows.
        recent = [_key(s.text) for s in kept[-(REPEAT_LIMIT - 1) :]]
        if len(recent) == REPEAT_LIMIT - 1 and all(k == _key(segment.text) for k in recent):
            continue
        kept.append(segment)
    return kept


def compression_ratio(text: str) -> float:
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data))


def _key(text: str) -> str:
    return _NORMALISE.sub(" ", text.lower()).strip()


def collapse_repeats(segment: Segment) -> Segment:
    """Keep one copy of any phrase repeated REPEAT_LIMIT or more times in a row."""
    tokens = [w.text for w in segment.words] if segment.words else segment.text.split()
    keep = _loop_free_indices([_key(t) for t in tokens])
    if len(keep) == len(tokens):
        return segment
    if segment.words:
        words: tuple[Word, ...] = tuple(segment.words[i] for i in keep)
        text = "".join(w.text for w in words).strip()
        return replace(segment, words=words, text=text)
    return replace(segment, text=" ".join(tokens[i] for i in keep))


def _loop_free_indices(keys: list[str]) -> list[int]:
    kept: list[int] = []
    i = 0
    while i < len(keys):
        skip_to = i
        for size in range(1, MAX_PHRASE_WORDS + 1):
            phrase = keys[i : i + size]
            if len(phrase) < size:
                break
            count = 1
            while keys[i + count * size : i + (count + 1) * size] == phrase:
                count += 1
            if count >= REPEAT_LIMIT:
                skip_to = max(skip_to, i + count * size)
                kept.extend(range(i, i + size))
                break
        if skip_to > i:
            i = skip_to
        else:
            kept.append(i)
            i += 1
    return kept


def voiced_frames(audio: np.ndarray, sample_rate: int) -> np.ndarray:
    """One bool per FRAME_SECONDS frame: is its energy above VOICED_DBFS."""
    frame = int(FRAME_SECONDS * sample_rate)
    count = len(audio) // frame
    if count == 0:
        return np.zeros(0, dtype=bool)
    frames = audio[: count * frame].astype(np.float64).reshape(count, frame)
    rms = np.sqrt(np.mean(frames**2, axis=1))
    with np.errstate(divide="ignore"):
        dbfs = 20 * np.log10(rms)
    return np.asarray(dbfs > VOICED_DBFS)


def has_voice(voiced: np.ndarray) -> bool:
    return float(voiced.sum()) * FRAME_SECONDS >= MIN_VOICED_SECONDS


def segment_is_voiced(voiced: np.ndarray, segment: Segment) -> bool:
    # Whisper's timestamps drift by a few frames; widen the span before judging it.
    first = max(0, int((segment.start - 0.2) / FRAME_SECONDS))
    last = min(len(voiced), int((segment.end + 0.2) / FRAME_SECONDS) + 1)
    if last <= first:
        return False
    return float(voiced[first:last].mean()) >= MIN_SEGMENT_VOICED_SHARE
