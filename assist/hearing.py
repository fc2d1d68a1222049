"""Transcribing one utterance for live assist: the shared model, greedy and without words."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from django.conf import settings

from interviewgenius.engines.speech import SpeechConfig, Transcript, transcribe


def transcribe_utterance(
    samples: npt.NDArray[np.float32], language: str, with_words: bool = False
) -> Transcript:
    # for_language keeps one model per language and process: the English-only model for
    # English sessions, the multilingual one for Chinese (loaded on first use, then shared).
    return transcribe(
        samples,
        language=language,
        config=SpeechConfig.for_language(language),
        beam_size=settings.ASSIST_BEAM_SIZE,
        word_timestamps=with_words,
    )


def pcm16_to_float(data: bytes) -> npt.NDArray[np.float32]:
    return np.frombuffer(data, dtype="<i2").astype(np.float32) / np.float32(32768.0)


def resample(samples: npt.NDArray[np.float32], rate: int) -> npt.NDArray[np.float32]:
    """Linear resampling to 16 kHz: cheap enough per frame, and good enough for speech
    (Whisper's own front end discards everything above 8 kHz)."""
    if rate == 16_000 or not len(samples):
        return samples
    count = round(len(samples) * 16_000 / rate)
    positions = np.linspace(0, len(samples) - 1, count, dtype=np.float64)
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)
