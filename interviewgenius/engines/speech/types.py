"""What a transcription returns: plain dataclasses, the same for every backend."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Word:
    text: str
    start: float  # seconds from the start of the audio
    end: float
    probability: float


@dataclass(frozen=True)
class Segment:
    text: str
    start: float
    end: float
    # Whisper's own confidence signals; the hallucination guards read them.
    no_speech_prob: float
    avg_logprob: float
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Transcript:
    text: str
    language: str
    duration: float  # seconds of audio transcribed
    segments: tuple[Segment, ...] = field(default=())
    words: tuple[Word, ...] = field(default=())
    engine: str = ""
    model: str = ""

    @classmethod
    def from_segments(
        cls,
        segments: list[Segment],
        *,
        language: str,
        duration: float,
        engine: str,
        model: str,
    ) -> Transcript:
        return cls(
            text=" ".join(s.text.strip() for s in segments if s.text.strip()),
            language=language,
            duration=duration,
            segments=tuple(segments),
            words=tuple(w for s in segments for w in s.words),
            engine=engine,
            model=model,
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
