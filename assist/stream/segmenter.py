"""End-of-turn detection on a live stream: utterances, partial audio, and an early guess.

Feed it PCM samples as they arrive; it returns events:

- ``Partial`` about once a second while someone speaks (the audio so far);
- ``EarlyEnd`` after a short silence (``early_ms``): the utterance has *probably* ended,
  so its final transcription can start now, while we wait to be sure;
- ``Resumed`` when speech comes back after an ``EarlyEnd`` (that guess was wrong);
- ``UtteranceEnd`` after ``silence_ms`` of silence, or at ``max_utterance_s``.

The early guess is what makes a suggestion possible within a second: the silence that
confirms the end of a question costs ~600 ms, and transcribing during it, rather than
after it, hides most of the transcription time. The audio of an ``EarlyEnd`` and of the
``UtteranceEnd`` that follows it without new speech are the same samples, so the early
transcription can be used as the final one.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from assist.stream.vad import EnergyVad

Samples = npt.NDArray[np.float32]
SAMPLE_RATE = 16_000
FRAME_MS = 20
FRAME = SAMPLE_RATE * FRAME_MS // 1000


@dataclass(frozen=True)
class SegmenterConfig:
    silence_ms: int = 600  # the end of a turn
    early_ms: int = 240  # start the final transcription speculatively
    partial_ms: int = 1000  # at most one partial transcript per this much speech
    onset_ms: int = 60  # consecutive speech that opens an utterance (skips clicks)
    min_voiced_ms: int = 250  # shorter utterances are coughs and clicks, not words
    preroll_ms: int = 200  # audio kept before the onset: first syllables are quiet
    tail_ms: int = 200  # silence kept after the last voiced frame
    max_utterance_s: float = 20.0  # a monologue is cut so its text arrives


@dataclass(frozen=True)
class Partial:
    utterance: int
    audio: Samples


@dataclass(frozen=True)
class EarlyEnd:
    utterance: int
    audio: Samples


@dataclass(frozen=True)
class Resumed:
    utterance: int


@dataclass(frozen=True)
class UtteranceEnd:
    utterance: int
    audio: Samples
    speech_end_sample: int  # stream position of the last voiced sample
    voiced_seconds: float
    forced: bool = False  # cut at max_utterance_s, not ended by silence


Event = Partial | EarlyEnd | Resumed | UtteranceEnd


class Segmenter:
    def __init__(self, config: SegmenterConfig | None = None) -> None:
        self.config = config or SegmenterConfig()
        self.vad = EnergyVad()
        self.position = 0  # samples consumed so far
        self.utterances = 0
        self._pending = np.zeros(0, dtype=np.float32)
        self._preroll: deque[Samples] = deque(maxlen=self._frames(self.config.preroll_ms))
        self._onset_run = 0
        self._reset_utterance()

    @staticmethod
    def _frames(ms: float) -> int:
        return max(1, int(ms // FRAME_MS))

    def _reset_utterance(self) -> None:
        self._frames_in: list[Samples] = []
        self._start_sample = 0
        self._last_voiced = -1  # index into _frames_in
        self._voiced = 0
        self._silence_run = 0
        self._early_sent = False
        self._partial_at = 0

    @property
    def in_utterance(self) -> bool:
        return bool(self._frames_in)

    def feed(self, samples: Samples) -> list[Event]:
        events: list[Event] = []
        data = np.concatenate([self._pending, samples]) if len(self._pending) else samples
        whole = len(data) // FRAME * FRAME
        for offset in range(0, whole, FRAME):
            event = self._frame(data[offset : offset + FRAME])
            if event is not None:
                events.extend(event)
        self._pending = data[whole:].copy()
        return events

    def flush(self) -> list[Event]:
        """End whatever is being said now (the socket is closing or the session ends)."""
        if self.in_utterance and self._voiced * FRAME_MS >= self.config.min_voiced_ms:
            return [self._end(forced=True)]
        self._reset_utterance()
        return []

    def _frame(self, frame: Samples) -> list[Event] | None:
        speech = self.vad.is_speech(frame)
        self.position += len(frame)
        cfg = self.config
        if not self.in_utterance:
            self._preroll.append(frame)
            self._onset_run = self._onset_run + 1 if speech else 0
            if self._onset_run < self._frames(cfg.onset_ms):
                return None
            # Open an utterance with the pre-roll, which ends with the onset frames.
            self._frames_in = list(self._preroll)
            self._preroll.clear()
            self._start_sample = self.position - len(self._frames_in) * FRAME
            self._last_voiced = len(self._frames_in) - 1
            self._voiced = self._onset_run
            self._onset_run = 0
            return None

        self._frames_in.append(frame)
        events: list[Event] = []
        if speech:
            self._last_voiced = len(self._frames_in) - 1
            self._voiced += 1
            self._silence_run = 0
            if self._early_sent:
                self._early_sent = False
                events.append(Resumed(self.utterances))
            since_partial = len(self._frames_in) - self._partial_at
            if since_partial >= self._frames(cfg.partial_ms):
                self._partial_at = len(self._frames_in)
                events.append(Partial(self.utterances, self._audio()))
        else:
            self._silence_run += 1
            enough = self._voiced * FRAME_MS >= cfg.min_voiced_ms
            silent_ms = self._silence_run * FRAME_MS
            if silent_ms >= cfg.silence_ms:
                if enough:
                    events.append(self._end(forced=False))
                else:
                    self._reset_utterance()
                return events
            if enough and not self._early_sent and silent_ms >= cfg.early_ms:
                self._early_sent = True
                events.append(EarlyEnd(self.utterances, self._audio()))
        if len(self._frames_in) * FRAME_MS >= cfg.max_utterance_s * 1000:
            events.append(self._end(forced=True))
        return events

    def _audio(self) -> Samples:
        """The utterance from its pre-roll to a short tail after the last voiced frame."""
        stop = min(len(self._frames_in), self._last_voiced + 1 + self._frames(self.config.tail_ms))
        return np.concatenate(self._frames_in[:stop])

    def _end(self, *, forced: bool) -> UtteranceEnd:
        event = UtteranceEnd(
            utterance=self.utterances,
            audio=self._audio(),
            speech_end_sample=self._start_sample + (self._last_voiced + 1) * FRAME,
            voiced_seconds=self._voiced * FRAME_MS / 1000,
            forced=forced,
        )
        self.utterances += 1
        self._reset_utterance()
        return event
