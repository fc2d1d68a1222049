"""The one entry point apps use: ``transcribe`` (and ``transcribe_async``).

Models are loaded once per process, on first use, and shared by every thread: loading
takes seconds and hundreds of MB, transcription does not need a private copy.
"""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Protocol

import numpy as np

from interviewgenius.engines.speech import metrics
from interviewgenius.engines.speech.audio import (
    MAX_AUDIO_SECONDS,
    SAMPLE_RATE,
    Samples,
    decode_audio,
)
from interviewgenius.engines.speech.config import SpeechConfig
from interviewgenius.engines.speech.errors import (
    AudioDecodeError,
    AudioTooLongError,
    EngineUnavailableError,
)
from interviewgenius.engines.speech.types import Transcript

AudioInput = bytes | str | Path | Samples


class SpeechEngine(Protocol):
    name: str
    model: str

    def transcribe(
        self,
        audio: Samples,
        *,
        language: str | None = None,
        beam_size: int | None = None,
        word_timestamps: bool = True,
    ) -> Transcript: ...


_engines: dict[SpeechConfig, SpeechEngine] = {}
_load_lock = threading.Lock()


def get_engine(config: SpeechConfig | None = None) -> SpeechEngine:
    """The loaded engine for ``config`` (the Django settings when not given)."""
    config = config or SpeechConfig.from_django()
    engine = _engines.get(config)
    if engine is not None:
        return engine
    # One lock for all loads: two requests arriving together on a cold process must
    # not load the same model twice (double the memory, double the wait).
    with _load_lock:
        engine = _engines.get(config)
        if engine is None:
            started = time.perf_counter()
            engine = _build(config)
            metrics.MODEL_LOAD_DURATION.labels(config.engine).observe(time.perf_counter() - started)
            _engines[config] = engine
    return engine


def _build(config: SpeechConfig) -> SpeechEngine:
    # Imported here so that a process using one backend never imports the other's
    # (torch alone costs ~1 s and hundreds of MB).
    if config.engine == "faster-whisper":
        from interviewgenius.engines.speech.faster import FasterWhisperEngine

        return FasterWhisperEngine(config)
    if config.engine == "openai-whisper":
        from interviewgenius.engines.speech.openai_whisper import OpenAIWhisperEngine

        return OpenAIWhisperEngine(config)
    raise EngineUnavailableError(f"unknown speech engine {config.engine!r}")


def transcribe(
    audio: AudioInput,
    *,
    language: str | None = None,
    config: SpeechConfig | None = None,
    beam_size: int | None = None,
    word_timestamps: bool = True,
) -> Transcript:
    """Transcribe a file path, encoded bytes, or 16 kHz mono float32 samples.

    ``beam_size`` overrides the configured beam for this call only (live assist decodes
    greedily to answer within a second) without loading a second copy of the model.
    """
    samples = _checked(audio) if isinstance(audio, np.ndarray) else decode_audio(audio)
    engine = get_engine(config)
    started = time.perf_counter()
    transcript = engine.transcribe(
        samples, language=language, beam_size=beam_size, word_timestamps=word_timestamps
    )
    elapsed = time.perf_counter() - started
    metrics.TRANSCRIBE_DURATION.labels(engine.name).observe(elapsed)
    duration = len(samples) / SAMPLE_RATE
    if duration > 0:
        metrics.REAL_TIME_FACTOR.labels(engine.name).observe(elapsed / duration)
    return transcript


def _checked(samples: np.ndarray) -> Samples:
    """Samples from a caller get the same bounds as decoded audio."""
    if samples.ndim != 1:
        raise AudioDecodeError("samples must be mono: a one-dimensional array")
    if len(samples) > MAX_AUDIO_SECONDS * SAMPLE_RATE:
        raise AudioTooLongError(f"the audio is longer than {MAX_AUDIO_SECONDS} s")
    return samples.astype(np.float32, copy=False)


async def transcribe_async(
    audio: AudioInput, *, language: str | None = None, config: SpeechConfig | None = None
) -> Transcript:
    """``transcribe`` on a worker thread, so consumers keep the event loop free.

    Both backends release the GIL while they compute, so other coroutines keep running.
    """
    return await asyncio.to_thread(transcribe, audio, language=language, config=config)
